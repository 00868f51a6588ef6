using Payments.Core.Text;
using Reason = Payments.Core.Orders.ReviewReason;

namespace Payments.Core.Orders;

/// <summary>PaymentOrder: what a provider's own record of the day (an imported export) does to the order.</summary>
public sealed partial record PaymentOrder
{
    /// <summary>
    /// The provider's record says this order was paid, while we hold it unpaid (a callback we never received). Nothing
    /// is settled from such a record: an open or expired order goes to a person (NeedsReview,
    /// <see cref="Reason.ProviderReportsPayment"/>, the record in <see cref="LastError"/>); a final one keeps its state
    /// (final states never regress) and is flagged, keeping a reason that already flags it. An order already waiting
    /// for a person, an order that succeeded (its amount is compared elsewhere), or the same record again: unchanged.
    /// </summary>
    public Transition ProviderReportsPayment(ProviderText evidence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (Status is OrderStatus.Succeeded or OrderStatus.NeedsReview)
        {
            return Same();
        }

        if (Status.IsFinal())
        {
            var reason = ReviewReasons.FlagsFinalOrder(ReviewReason) ? ReviewReason : Reason.ProviderReportsPayment;
            return ReviewReason == reason && LastError == evidence
                ? Same()
                : Changed(this with { ReviewReason = reason, LastError = evidence }, now);
        }

        return Changed(
            this with
            {
                Status = OrderStatus.NeedsReview,
                ReviewReason = Reason.ProviderReportsPayment,
                LastError = evidence,
                NextCheckAt = null,
            },
            now
        );
    }
}
