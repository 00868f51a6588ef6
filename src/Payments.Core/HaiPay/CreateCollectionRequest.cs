using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Payments.Core.Validation;

namespace Payments.Core.HaiPay;

/// <summary>The documented body of <c>POST /api/haipay/collections</c>.</summary>
/// <remarks>Read as sent (<see cref="JsonRequest"/>); <see cref="CollectionValidator"/> checks it.</remarks>
public sealed record CreateCollectionRequest : CardPaymentFields
{
    /// <summary>The prefix of an order id derived from the request's <c>Idempotency-Key</c>.</summary>
    public const string KeyedIdPrefix = "hpy_";

    [Description(
        "Your order id (at most 48 characters). Repeating it repeats the request. Required unless an "
            + "Idempotency-Key is sent; the id is then hpy_ + the first 40 hex digits of SHA-256 over the key."
    )]
    [StringLength(FieldRules.MaxOrderIdLength, MinimumLength = 1)]
    public string? OrderId { get; init; }
}
