namespace Payments.Client.Models;

/// <summary>A refund as the merchant sees it.</summary>
public sealed record Refund
{
    public string RefundId { get; init; } = "";

    public string CollectionId { get; init; } = "";

    /// <summary>The refund's status (<see cref="OrderStatuses"/>).</summary>
    public string Status { get; init; } = "";

    public string? ProviderStatus { get; init; }

    public string? ProviderReference { get; init; }

    public decimal? Amount { get; init; }

    public string? LastError { get; init; }

    /// <summary>Why the provider declined or failed it, as the provider said it (redacted), if it did.</summary>
    public string? DeclineReason { get; init; }
}
