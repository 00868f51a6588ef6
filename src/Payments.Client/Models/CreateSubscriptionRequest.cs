namespace Payments.Client.Models;

/// <summary>A HaiPay subscription (<c>POST /api/haipay/subscriptions</c>).</summary>
public sealed record CreateSubscriptionRequest : CardPayment
{
    /// <summary>
    /// Your subscription id (at most 48 characters). Repeating it repeats the request; when null, the id is derived
    /// from the Idempotency-Key.
    /// </summary>
    public string? SubscriptionOrderId { get; init; }

    /// <summary>D, W, M or Y.</summary>
    public required string RecurringInterval { get; init; }

    /// <summary>Intervals between charges (1-1096; interval × count at most 3 years).</summary>
    public required int RecurringIntervalCount { get; init; }

    /// <summary>HaiPay's retries of a failed charge (0-10); default 3.</summary>
    public int? RetryTimes { get; init; }
}
