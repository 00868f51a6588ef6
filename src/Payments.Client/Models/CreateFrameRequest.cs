namespace Payments.Client.Models;

/// <summary>A HUAWEIPIN gift-card payment frame (<c>POST /api/huaweipin/frames</c>).</summary>
public sealed record CreateFrameRequest
{
    /// <summary>
    /// Your order id (at most 48 characters). Repeating it repeats the request; when null, the id is derived from
    /// the Idempotency-Key.
    /// </summary>
    public string? OrderId { get; init; }

    /// <summary>The customer's user name at HUAWEIPIN.</summary>
    public required string Username { get; init; }

    /// <summary>The customer's public IPv4 or IPv6 address.</summary>
    public required string CustomerIp { get; init; }
}
