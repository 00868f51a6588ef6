namespace Payments.Core.Webhooks;

public enum WebhookDeliveryState
{
    /// <summary>Not acknowledged yet; the next attempt is due at its NextAttemptAt.</summary>
    Pending = 0,

    /// <summary>The merchant answered 2xx. Final.</summary>
    Delivered = 1,

    /// <summary>Every attempt failed, or the order moved on first. Final.</summary>
    Abandoned = 2,
}
