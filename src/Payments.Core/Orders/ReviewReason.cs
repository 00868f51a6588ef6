namespace Payments.Core.Orders;

/// <summary>
/// Why an order is flagged for an operator. Each reason has one documented name (<see cref="ReviewReasons.Name"/>): the
/// text in answers, stored rows, metrics, logs and the operator API's <c>reason</c> filter.
/// </summary>
public enum ReviewReason
{
    SucceededAfterExpiry,

    /// <summary>
    /// A provider-signed success arrived for an order already Rejected or Failed (or a replaced refund): money may have
    /// moved twice.
    /// </summary>
    SucceededAfterFailure,

    ChecksExhausted,

    ProviderStatus,

    PartialCollection,

    OverCollection,

    AmountMismatch,

    /// <summary>
    /// A verified HUAWEIPIN callback carried a status that is in neither configured list: it may mean paid.
    /// </summary>
    UnknownCallbackStatus,

    /// <summary>
    /// A verified HUAWEIPIN callback whose amount cannot be read in the configured unit (<c>HuaweiPin:AmountUnit</c>):
    /// a real payment of an unknown amount. The raw text is in the audit row; the callback is answered 503 so HUAWEIPIN
    /// retries.
    /// </summary>
    UnreadableCallback,

    /// <summary>
    /// A verified HaiPay message carried a collection status outside HaiPay's published vocabulary (-1, 0 to 5): it may
    /// mean paid. The order waits for a person or a signed known status; the notification is answered 503 so HaiPay
    /// retries.
    /// </summary>
    UnknownProviderStatus,

    ChargeAfterEnd,

    /// <summary>
    /// The provider holds the order open, but its payment page (payUrl, iframeUrl) was never received and cannot be
    /// asked for.
    /// </summary>
    PayUrlUnknown,

    /// <summary>
    /// The provider kept saying it has no record of the order past <c>HaiPay:AbsentGrace</c>: not proof that none
    /// exists.
    /// </summary>
    ProviderHasNoRecord,

    /// <summary>
    /// A provider-signed message or answer contradicts the order's final state (a failure after Succeeded, another
    /// amount, a partial collection after the order ended): the state stays (final states never regress), a person
    /// looks.
    /// </summary>
    ProviderContradictsFinal,

    /// <summary>
    /// The provider's own record (an imported HUAWEIPIN transaction export) says the order was paid while we hold it
    /// unpaid (a callback we never received): an open or expired order waits for a person, a failed one is flagged.
    /// Never settled from the record alone: only an operator's resolution settles it.
    /// </summary>
    ProviderReportsPayment,
}
