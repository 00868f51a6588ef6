namespace Payments.Client.Models;

/// <summary>A HaiPay collection: our status, the 3-D Secure page, the card's last four digits, its refund.</summary>
public sealed record CollectionOrder
{
    public string OrderId { get; init; } = "";

    /// <summary>The order's status (<see cref="OrderStatuses"/>).</summary>
    public string Status { get; init; } = "";

    /// <summary>HaiPay's own status code, as text.</summary>
    public string? ProviderStatus { get; init; }

    public string? ProviderReference { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>What HaiPay reported as collected, when it differs or was reported.</summary>
    public decimal? ReceivedAmount { get; init; }

    public string? Currency { get; init; }

    /// <summary>The 3-D Secure page to send the customer to.</summary>
    public string? PayUrl { get; init; }

    public string? CardLast4 { get; init; }

    /// <summary>Why a person must look at the order (e.g. <c>amount-mismatch</c>), if flagged.</summary>
    public string? ReviewReason { get; init; }

    /// <summary>Why the provider declined or failed it, as the provider said it (redacted), if it did.</summary>
    public string? DeclineReason { get; init; }

    public string? LastError { get; init; }

    public Refund? Refund { get; init; }
}
