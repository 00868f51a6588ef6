namespace Payments.Core.Orders;

public enum CreateOutcomeKind
{
    /// <summary>The provider created it now (201).</summary>
    Created,

    /// <summary>The same request again: the stored result (200), no second provider call.</summary>
    Repeated,

    /// <summary>The order id is taken by a request with other content (409).</summary>
    Conflict,

    /// <summary>The first request for this order id is still running (409).</summary>
    InProgress,

    /// <summary>The provider refused it; nothing exists there.</summary>
    Rejected,

    /// <summary>
    /// The order it depends on does not allow it (e.g. refunding a collection that has not succeeded) (409).
    /// </summary>
    NotAllowed,

    /// <summary>
    /// The provider did not answer usably; the order is Unknown and the same request resolves it (502).
    /// </summary>
    Unavailable,
}
