using Payments.Core.Text;

namespace Payments.Core.Orders;

/// <summary>PaymentOrder: what operators decide.</summary>
public sealed partial record PaymentOrder
{
    /// <summary>
    /// An operator's decision on an order waiting for a person (NeedsReview only; anything else is a conflict, so final
    /// states never regress): it becomes Succeeded or Failed, no longer flagged, and the merchant is told as for any
    /// final state.
    /// <paramref name="providerStatus"/> is the provider's status the decision agreed with, if it was asked.
    /// </summary>
    public Transition Resolve(OrderStatus decision, ProviderText? providerStatus, DateTimeOffset now)
    {
        if (decision is not (OrderStatus.Succeeded or OrderStatus.Failed))
        {
            throw new ArgumentOutOfRangeException(
                nameof(decision),
                decision,
                "An operator decides Succeeded or Failed."
            );
        }

        return Status == OrderStatus.NeedsReview
            ? Changed(
                this with
                {
                    Status = decision,
                    ProviderStatus = providerStatus ?? ProviderStatus,
                    ReviewReason = null,
                    NextCheckAt = null,
                    CompletedAt = now,
                    ResolvedAt = now,
                },
                now
            )
            : Conflict();
    }

    /// <summary>
    /// An operator's decision that agrees with the provider's signed <paramref name="answer"/> (evidence
    /// provider-answer): as
    /// <see cref="Resolve(OrderStatus, ProviderText?, DateTimeOffset)"/>, and the answer's amounts are recorded as the
    /// poller would record them (the amount it reports, what it says it received). An answer that itself needs a person
    /// (a review reason such as amount-mismatch or partial-collection) decides nothing: the operator must not waive
    /// what the provider's answer flags.
    /// </summary>
    public Transition ResolveAsProviderAnswered(OrderStatus decision, ProviderVerdict answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Outcome != decision || answer.ReviewReason is not null)
        {
            return Conflict();
        }

        return Resolve(decision, answer.RawStatus, now)
            .Then(o => new Transition(
                TransitionKind.Changed,
                o with
                {
                    Amount = answer.Amount ?? o.Amount,
                    ReceivedAmount = answer.ReceivedAmount ?? o.ReceivedAmount,
                    Fee = answer.Fee ?? o.Fee,
                }
            ));
    }

    /// <summary>
    /// An operator has seen why this final order was flagged (<see cref="AwaitsAcknowledgement"/>): it keeps its status
    /// and reason, and is no longer listed. Anything else is a conflict (nothing to acknowledge).
    /// </summary>
    public Transition Acknowledge(string @operator, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(@operator);
        return AwaitsAcknowledgement
            ? Changed(this with { ReviewAcknowledgedAt = now, ReviewAcknowledgedBy = @operator }, now)
            : Conflict();
    }
}
