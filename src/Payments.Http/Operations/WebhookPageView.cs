namespace Payments.Http.Operations;

/// <summary>
/// A page of <c>GET api/ops/webhooks</c>; pass <paramref name="Continuation"/> back for the next (null: the last page).
/// </summary>
public sealed record WebhookPageView(IReadOnlyList<AbandonedWebhookView> Items, string? Continuation);
