namespace Payments.Client.Models;

/// <summary>A HaiPay card collection (<c>POST /api/haipay/collections</c>).</summary>
public sealed record CreateCollectionRequest : CardPayment
{
    /// <summary>
    /// Your order id (at most 48 characters). Repeating it repeats the request; when null, the id is derived from
    /// the Idempotency-Key.
    /// </summary>
    public string? OrderId { get; init; }
}
