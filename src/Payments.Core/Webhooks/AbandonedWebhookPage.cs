namespace Payments.Core.Webhooks;

/// <summary>One page of abandoned deliveries; <paramref name="Continuation"/> is null on the last page.</summary>
public sealed record AbandonedWebhookPage(IReadOnlyList<AbandonedWebhook> Items, string? Continuation);
