using Payments.Core.Orders;

namespace Payments.Core.Operations.Acknowledgements;

/// <summary>What an operator's acknowledgement came to.</summary>
public abstract record AcknowledgeOrderResult
{
    private AcknowledgeOrderResult() { }

    /// <summary>No order has the id.</summary>
    public sealed record OrderNotFound : AcknowledgeOrderResult;

    /// <summary>
    /// <paramref name="Order"/> (as read) awaits no acknowledgement: still NeedsReview (resolve it instead), never
    /// flagged, or already acknowledged.
    /// </summary>
    public sealed record NothingToAcknowledge(PaymentOrder Order) : AcknowledgeOrderResult;

    /// <summary>The order changed after it was read; nothing was acknowledged (the audit keeps the attempt).</summary>
    public sealed record ChangedMeanwhile : AcknowledgeOrderResult;

    /// <summary>The order as it now is: same status and reason, acknowledged.</summary>
    public sealed record Acknowledged(PaymentOrder Order) : AcknowledgeOrderResult;
}
