namespace Payments.Client.Models;

/// <summary>The answer to a frame request: show <see cref="IframeUrl"/> to the customer.</summary>
public sealed record Frame
{
    public string OrderId { get; init; } = "";

    /// <summary>The order's status (<see cref="OrderStatuses"/>).</summary>
    public string Status { get; init; } = "";

    public string? IframeUrl { get; init; }
}
