using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Contracts;

/// <summary>The documented body of <c>POST /api/huaweipin/frames</c> (the endpoint validates the JSON itself).</summary>
public sealed record CreateFrameRequest
{
    [Description("Your order id (at most 48 characters, no control characters or / \\ # ?). Repeating it repeats the request. Required unless an Idempotency-Key is sent; the id is then hwp_ + the first 40 hex digits of SHA-256 over the key.")]
    [StringLength(48)]
    public string? OrderId { get; init; }

    [Description("The customer's user name at HUAWEIPIN.")]
    [Required, StringLength(100)]
    public required string Username { get; init; }

    [Description("The customer's public IPv4 or IPv6 address.")]
    [Required]
    public required string CustomerIp { get; init; }
}
