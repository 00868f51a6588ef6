using Payments.Core.Webhooks;

namespace Payments.Core.Operations.WebhookReplays;

/// <summary>What an operator's webhook replay came to.</summary>
public abstract record ReplayWebhookResult
{
    private ReplayWebhookResult() { }

    /// <summary>The order has no delivery of that event (or the order is gone).</summary>
    public sealed record DeliveryNotFound : ReplayWebhookResult;

    /// <summary>The delivery is <paramref name="State"/>; only an abandoned delivery is replayed.</summary>
    public sealed record NotAbandoned(WebhookDeliveryState State) : ReplayWebhookResult;

    /// <summary>The order has a later event than this one; the merchant is told about that one.</summary>
    public sealed record OrderMovedOn : ReplayWebhookResult;

    /// <summary>The delivery changed while it was being replayed; nothing was replayed.</summary>
    public sealed record ChangedMeanwhile : ReplayWebhookResult;

    /// <summary>The delivery is pending again, with no attempt made, due at <paramref name="DueAt"/>.</summary>
    public sealed record Replayed(DateTimeOffset DueAt) : ReplayWebhookResult;
}
