using Payments.Client.Models;

namespace Payments.Client.Webhooks;

/// <summary>
/// A verified notification: <c>{order|refund|subscription|subscription_charge}.{succeeded|failed|rejected|canceled|
/// expired|needs_review|active}</c> with the order as <c>GET /api/orders/{id}</c> shows it.
/// </summary>
public sealed record WebhookEvent
{
    /// <summary>The <c>webhook-id</c> header: the event id, the same on every retry.</summary>
    public string Id { get; init; } = "";

    /// <summary>E.g. <c>order.succeeded</c>, <c>refund.failed</c>, <c>subscription.active</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>When the event happened (not when this attempt was sent).</summary>
    public DateTimeOffset Timestamp { get; init; }

    public Order Data { get; init; } = new();
}
