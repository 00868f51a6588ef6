namespace Payments.Core.HaiPay;

public enum CancelOutcomeKind
{
    /// <summary>The subscription is canceled (now or before: cancel is idempotent).</summary>
    Canceled,

    /// <summary>It cannot be canceled: it failed, was refused, or HaiPay has not given it a number yet.</summary>
    NotAllowed,

    /// <summary>HaiPay refused the cancel and still reports the subscription as not canceled.</summary>
    Refused,

    /// <summary>HaiPay did not answer usably; the same request may be sent again.</summary>
    Unavailable,
}
