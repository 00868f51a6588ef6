using Payments.Core.HaiPay;
using Payments.Core.Orders;

namespace Payments.Core.Operations.Resolutions;

/// <summary>What an operator's resolution came to.</summary>
public abstract record ResolveOrderResult
{
    private ResolveOrderResult() { }

    /// <summary>No order has the id.</summary>
    public sealed record OrderNotFound : ResolveOrderResult;

    /// <summary>The order is <paramref name="Status"/>, not NeedsReview: nothing to decide.</summary>
    public sealed record NotWaiting(OrderStatus Status) : ResolveOrderResult;

    /// <summary>
    /// A subscription becomes Active when the customer confirms it; an operator can only decide Failed.
    /// </summary>
    public sealed record SubscriptionCannotSucceed : ResolveOrderResult;

    /// <summary>Evidence provider-answer for a provider that publishes no status query (HUAWEIPIN).</summary>
    public sealed record NoStatusQuery : ResolveOrderResult;

    /// <summary>Evidence provider-answer, and the provider gave no signed answer.</summary>
    public sealed record ProviderUnanswered(HaiPayReply Reply) : ResolveOrderResult;

    /// <summary>The provider's signed <paramref name="Answer"/> is another outcome than the decision.</summary>
    public sealed record ProviderDisagrees(ProviderVerdict Answer) : ResolveOrderResult;

    /// <summary>
    /// The provider's signed <paramref name="Answer"/> agrees on the outcome but flags <paramref name="Reason"/>, which
    /// evidence provider-answer does not waive.
    /// </summary>
    public sealed record ProviderFlags(ProviderVerdict Answer, string Reason) : ResolveOrderResult;

    /// <summary>
    /// The order changed after it was checked (now <paramref name="Current"/>, null when it is gone): nothing was
    /// decided.
    /// </summary>
    public sealed record ChangedMeanwhile(PaymentOrder? Current) : ResolveOrderResult;

    /// <summary>The decision was applied: the order as it now is.</summary>
    public sealed record Resolved(PaymentOrder Order) : ResolveOrderResult;
}
