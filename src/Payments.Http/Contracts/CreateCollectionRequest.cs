using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Payments.Http.Contracts;

/// <summary>The documented body of <c>POST /api/haipay/collections</c>.</summary>
public sealed record CreateCollectionRequest : CardPaymentFields
{
    [Description("Your order id (at most 48 characters). Repeating it repeats the request. Required unless an Idempotency-Key is sent; the id is then hpy_ + the first 40 hex digits of SHA-256 over the key.")]
    [StringLength(48)]
    public string? OrderId { get; init; }
}
