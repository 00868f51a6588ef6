using Payments.Core.Webhooks;

namespace Payments.Http.Operations;

/// <summary>A webhook delivery that gave up, as <c>GET api/ops/webhooks</c> lists it.</summary>
public sealed record AbandonedWebhookView(
    string OrderId,
    string EventId,
    string? Type,
    int Attempts,
    string? LastError,
    DateTimeOffset AbandonedAt
)
{
    public static AbandonedWebhookView From(AbandonedWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new(
            webhook.OrderId,
            webhook.EventId,
            webhook.Type,
            webhook.Attempts,
            webhook.LastError,
            webhook.AbandonedAt
        );
    }
}
