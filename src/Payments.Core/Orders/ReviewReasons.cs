namespace Payments.Core.Orders;

/// <summary>Why an order is flagged for an operator.</summary>
public static class ReviewReasons
{
    public const string SucceededAfterExpiry = "succeeded-after-expiry";

    /// <summary>A provider-signed success arrived for an order already Rejected or Failed (or a replaced refund): money may have moved twice.</summary>
    public const string SucceededAfterFailure = "succeeded-after-failure";
    public const string ChecksExhausted = "checks-exhausted";
    public const string ProviderStatus = "provider-status";
    public const string PartialCollection = "partial-collection";
    public const string OverCollection = "over-collection";
    public const string AmountMismatch = "amount-mismatch";
    /// <summary>A verified HUAWEIPIN callback carried a status that is in neither configured list: it may mean paid.</summary>
    public const string UnknownCallbackStatus = "unknown-callback-status";
    /// <summary>
    /// A verified HUAWEIPIN callback whose amount cannot be read in the configured unit (<c>HuaweiPin:AmountUnit</c>): a real
    /// payment of an unknown amount. The raw text is in the audit row; the callback is answered 503 so HUAWEIPIN retries.
    /// </summary>
    public const string UnreadableCallback = "unreadable-callback";
    /// <summary>
    /// A verified HaiPay message carried a collection status outside HaiPay's published vocabulary (-1, 0 to 5): it may mean
    /// paid. The order waits for a person or a signed known status; the notification is answered 503 so HaiPay retries.
    /// </summary>
    public const string UnknownProviderStatus = "unknown-provider-status";
    public const string ChargeAfterEnd = "charge-after-subscription-ended";

    /// <summary>The provider holds the order open, but its payment page (payUrl, iframeUrl) was never received and cannot be asked for.</summary>
    public const string PayUrlUnknown = "pay-url-unknown";

    /// <summary>The provider kept saying it has no record of the order past <c>HaiPay:AbsentGrace</c>: not proof that none exists.</summary>
    public const string ProviderHasNoRecord = "provider-has-no-record";

    /// <summary>
    /// A provider-signed message or answer contradicts the order's final state (a failure after Succeeded, another amount, a
    /// partial collection after the order ended): the state stays (final states never regress), a person looks.
    /// </summary>
    public const string ProviderContradictsFinal = "provider-contradicts-final";

    /// <summary>
    /// Whether a final order carrying <paramref name="reason"/> still needs a person (until acknowledged). The reasons an open
    /// order waited for (checks exhausted, no record, unknown status, no pay page) are answered by the signed final verdict
    /// that ended it; these are raised by, or survive, that verdict.
    /// </summary>
    public static bool FlagsFinalOrder(string? reason) => reason is SucceededAfterExpiry or SucceededAfterFailure or AmountMismatch
        or PartialCollection or OverCollection or ChargeAfterEnd or ProviderContradictsFinal;
}
