using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Payments.Core.Validation;

namespace Payments.Core.HuaweiPin;

/// <summary>The documented body of <c>POST /api/huaweipin/frames</c>.</summary>
/// <remarks>Read as sent (<see cref="JsonRequest"/>); <see cref="FrameValidator"/> checks it.</remarks>
public sealed record CreateFrameRequest
{
    /// <summary>The prefix of an order id derived from the request's <c>Idempotency-Key</c>.</summary>
    public const string KeyedIdPrefix = "hwp_";

    public const int MaxUsernameLength = 100;

    [Description(
        "Your order id (at most 48 characters, no control characters or / \\ # ?). Repeating it repeats the "
            + "request. Required unless an Idempotency-Key is sent; the id is then hwp_ + the first 40 hex digits of "
            + "SHA-256 over the key."
    )]
    [StringLength(FieldRules.MaxOrderIdLength, MinimumLength = 1)]
    public string? OrderId { get; init; }

    [Description("The customer's user name at HUAWEIPIN.")]
    [Required, StringLength(MaxUsernameLength, MinimumLength = 1)]
    public required string Username { get; init; }

    [Description("The customer's public IPv4 or IPv6 address.")]
    [Required]
    public required string CustomerIp { get; init; }
}
