namespace Payments.Core.Webhooks;

/// <summary>
/// One page of the outbox's abandoned index; <paramref name="Continuation"/> is null on the last page.
/// </summary>
public sealed record AbandonedDeliveryPage(IReadOnlyList<AbandonedDelivery> Items, string? Continuation);
