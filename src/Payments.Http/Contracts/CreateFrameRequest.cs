using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Contracts;

/// <summary>The documented body of <c>POST /api/huaweipin/frames</c> (the endpoint validates the JSON itself).</summary>
public sealed record CreateFrameRequest
{
    [Description("Your order id (letters, digits, - _ . ~ :, at most 48); generated when absent. Repeating it repeats the request.")]
    [StringLength(48)]
    public string? OrderId { get; init; }

    [Description("The customer's user name at HUAWEIPIN.")]
    [Required, StringLength(100)]
    public required string Username { get; init; }

    [Description("The customer's public IPv4 or IPv6 address.")]
    [Required]
    public required string CustomerIp { get; init; }
}
