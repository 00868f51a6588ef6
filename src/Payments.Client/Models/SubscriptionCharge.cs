namespace Payments.Client.Models;

/// <summary>One recurring charge of a subscription: its own order id, HaiPay's number for it, our status.</summary>
public sealed record SubscriptionCharge
{
    /// <summary><c>{subscriptionOrderId}~{orderNo}</c>.</summary>
    public string OrderId { get; init; } = "";

    public string? OrderNo { get; init; }

    public string Status { get; init; } = "";

    public string? ProviderStatus { get; init; }

    public decimal? Amount { get; init; }

    public decimal? ReceivedAmount { get; init; }

    public string? ReviewReason { get; init; }

    /// <summary>Why the provider declined or failed it, as the provider said it (redacted), if it did.</summary>
    public string? DeclineReason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
