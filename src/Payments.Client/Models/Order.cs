namespace Payments.Client.Models;

/// <summary>
/// An order of any kind (<c>GET /api/orders/{id}</c>, and the <c>data</c> of every webhook). Never carries card data
/// beyond the last four digits.
/// </summary>
public sealed record Order
{
    public string OrderId { get; init; } = "";

    /// <summary><c>HuaweiPin</c> or <c>HaiPay</c>.</summary>
    public string Provider { get; init; } = "";

    /// <summary><c>Payment</c>, <c>Refund</c>, <c>Subscription</c> or <c>SubscriptionCharge</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The order's status (<see cref="OrderStatuses"/>).</summary>
    public string Status { get; init; } = "";

    public string? ProviderStatus { get; init; }

    public string? ProviderReference { get; init; }

    public decimal? Amount { get; init; }

    public decimal? ReceivedAmount { get; init; }

    public string? Currency { get; init; }

    /// <summary>The customer's page (iframe or 3-D Secure).</summary>
    public string? RedirectUrl { get; init; }

    public string? CardLast4 { get; init; }

    /// <summary>The collection a refund is for, or the subscription a charge belongs to.</summary>
    public string? ParentOrderId { get; init; }

    public string? RefundOrderId { get; init; }

    public string? ReviewReason { get; init; }

    /// <summary>Why the provider declined or failed it, as the provider said it (redacted), if it did.</summary>
    public string? DeclineReason { get; init; }

    public string? LastError { get; init; }

    /// <summary>How many times the service asked the provider about the order.</summary>
    public int Checks { get; init; }

    public DateTimeOffset? NextCheckAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? ReviewAcknowledgedAt { get; init; }
}
