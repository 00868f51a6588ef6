using Payments.Core.Text;

namespace Payments.Core.Orders;

/// <summary>What the provider says about a payment: our reading of it and the raw values.</summary>
/// <param name="Outcome">Succeeded, Failed, or Pending when the raw status is not final.</param>
/// <param name="RawStatus">The provider's status exactly as received.</param>
/// <param name="Amount">The amount the provider reports, if any.</param>
/// <param name="ReviewReason">Set when the verdict needs a person (partial or over-collection, amount
/// mismatch).</param>
/// <param name="ReceivedAmount">What the provider says it actually collected, when it says so.</param>
/// <param name="Note">What a person reviewing the verdict should read (e.g. an amount that could not be read, as
/// received).</param>
/// <param name="Fee">The provider's handling fee, when it reports one.</param>
public sealed record ProviderVerdict(
    OrderStatus Outcome,
    ProviderText RawStatus,
    decimal? Amount,
    ReviewReason? ReviewReason = null,
    decimal? ReceivedAmount = null,
    ProviderText? Note = null,
    decimal? Fee = null
)
{
    public bool NeedsReview => ReviewReason is not null && Outcome != OrderStatus.Failed;
}
