namespace Payments.Client.Models;

/// <summary>A full refund of a succeeded collection.</summary>
public sealed record RefundRequest
{
    /// <summary>Your refund id; default derived from the collection, so a repeat is the same refund.</summary>
    public string? RefundId { get; init; }
}
