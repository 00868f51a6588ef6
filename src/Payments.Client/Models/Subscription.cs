namespace Payments.Client.Models;

/// <summary>A HaiPay subscription: our status and HaiPay's, the 3-D Secure page, the recurrence, its charges.</summary>
public sealed record Subscription
{
    public string SubscriptionOrderId { get; init; } = "";

    /// <summary>Pending until the customer confirms, then Active; ends Canceled or Failed.</summary>
    public string Status { get; init; } = "";

    public string? ProviderStatus { get; init; }

    /// <summary>HaiPay's number for the subscription, once it gave one.</summary>
    public string? SubscriptionNo { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public string? RecurringInterval { get; init; }

    public int? RecurringIntervalCount { get; init; }

    public int? RetryTimes { get; init; }

    public string? PayUrl { get; init; }

    public string? CardLast4 { get; init; }

    public string? ReviewReason { get; init; }

    public string? LastError { get; init; }

    public IReadOnlyList<SubscriptionCharge> Charges { get; init; } = [];
}
