namespace Payments.Core.HuaweiPin;

public enum FrameOutcomeKind
{
    /// <summary>A new frame was created (201).</summary>
    Created,

    /// <summary>The same request again: the stored result (200), no second GetFrame.</summary>
    Repeated,

    /// <summary>The order id is taken by a request with other content (409).</summary>
    Conflict,

    /// <summary>The first request for this order id is still running (409).</summary>
    InProgress,

    /// <summary>HUAWEIPIN refused the frame (502, or 409 when it says the order id is not unique).</summary>
    Rejected,

    /// <summary>HUAWEIPIN did not answer usably; the order is Unknown and the same request retries (502).</summary>
    Unavailable,
}
