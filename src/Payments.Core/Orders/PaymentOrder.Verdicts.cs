using Payments.Core.Text;
using Reason = Payments.Core.Orders.ReviewReason;

namespace Payments.Core.Orders;

/// <summary>PaymentOrder: what the provider's signed word does to the order, and when it needs a person.</summary>
public sealed partial record PaymentOrder
{
    /// <summary>Applies the provider's word about the payment.</summary>
    public Transition Settle(ProviderVerdict verdict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var verdictIsFinal = verdict.Outcome.IsFinal();
        var lateSuccess = verdict.Outcome == OrderStatus.Succeeded ? LateSuccessReason : null;
        if (Status.IsFinal() && lateSuccess is null)
        {
            var repeat = !verdictIsFinal || (Status == verdict.Outcome && Amount == (verdict.Amount ?? Amount));
            var moneyAtStake = Status == OrderStatus.Succeeded || verdict.Outcome == OrderStatus.Succeeded;
            return repeat ? Same()
                : moneyAtStake ? Contradicted(verdict, now)
                : Conflict();
        }

        if (!verdictIsFinal)
        {
            return verdict.RawStatus == ProviderStatus || Status == OrderStatus.Active
                ? Same()
                : Changed(this with { ProviderStatus = verdict.RawStatus, Amount = verdict.Amount ?? Amount }, now);
        }

        return Changed(
            this with
            {
                Status = verdict.Outcome,
                ProviderStatus = verdict.RawStatus,
                Amount = verdict.Amount ?? Amount,
                ReceivedAmount = verdict.ReceivedAmount ?? ReceivedAmount,
                Fee = verdict.Fee ?? Fee,
                NextCheckAt = null,
                CompletedAt = now,
                LastError = verdict.Outcome == OrderStatus.Failed ? verdict.Note : null,
                ReviewReason = verdict.ReviewReason ?? lateSuccess ?? ResolvedReviewReason,
            },
            now
        );
    }

    /// <summary>
    /// Why a signed success on this order needs a look: it had expired, or it had already ended Rejected or Failed (the
    /// provider may have created and charged it after all, the customer retried, or a replaced refund went through).
    /// Such a success is applied, never dropped: Succeeded is the one state a final order may still move to.
    /// </summary>
    private Reason? LateSuccessReason =>
        Status switch
        {
            OrderStatus.Expired => Reason.SucceededAfterExpiry,
            OrderStatus.Rejected or OrderStatus.Failed => Reason.SucceededAfterFailure,
            _ => null,
        };

    /// <summary>
    /// The review reason left once a final verdict arrives: an unknown callback status is answered by it.
    /// </summary>
    private ReviewReason? ResolvedReviewReason =>
        ReviewReason is Reason.UnknownCallbackStatus or Reason.UnreadableCallback or Reason.UnknownProviderStatus
            ? null
            : ReviewReason;

    /// <summary>Applies a verdict: flagged for a person when it needs one, settled otherwise.</summary>
    public Transition Apply(ProviderVerdict verdict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict switch
        {
            { NeedsReview: true } => FlagForReview(verdict, now),
            { Outcome: OrderStatus.Active }
                when Kind == OrderKind.Subscription && Status.IsFinal() && Status != OrderStatus.Active => Contradicted(
                verdict,
                now
            ),
            { Outcome: OrderStatus.Active } => Activate(verdict.RawStatus, now),
            _ => Settle(verdict, now),
        };
    }

    /// <summary>
    /// The customer confirmed a subscription: it now charges on its own schedule and is no longer polled.
    /// </summary>
    public Transition Activate(ProviderText rawStatus, DateTimeOffset now) =>
        Status switch
        {
            _ when Kind != OrderKind.Subscription || Status.IsFinal() => Conflict(),
            OrderStatus.Active => Same(),
            _ => Changed(
                this with
                {
                    Status = OrderStatus.Active,
                    ProviderStatus = rawStatus,
                    NextCheckAt = null,
                    LastError = null,
                    ReviewReason = null,
                },
                now
            ),
        };

    /// <summary>A verdict that needs a person (partial or over-collection): recorded, not final.</summary>
    public Transition FlagForReview(ProviderVerdict verdict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Outcome == OrderStatus.Succeeded && Status is OrderStatus.Rejected or OrderStatus.Failed)
        {
            // Money was taken after we recorded a failure: final stays final (Succeeded, flagged), never back to an
            // open state.
            return Changed(
                this with
                {
                    Status = OrderStatus.Succeeded,
                    ProviderStatus = verdict.RawStatus,
                    ReceivedAmount = verdict.ReceivedAmount ?? ReceivedAmount,
                    Fee = verdict.Fee ?? Fee,
                    ReviewReason = verdict.ReviewReason ?? Reason.ProviderStatus,
                    LastError = verdict.Note ?? LastError,
                    NextCheckAt = null,
                },
                now
            );
        }

        if (Status.IsFinal())
        {
            var repeat =
                ProviderStatus == verdict.RawStatus && ReceivedAmount == (verdict.ReceivedAmount ?? ReceivedAmount);
            return repeat ? Conflict() : Contradicted(verdict, now);
        }

        return
            Status == OrderStatus.NeedsReview
            && ProviderStatus == verdict.RawStatus
            && Amount == (verdict.Amount ?? Amount)
            && ReceivedAmount == (verdict.ReceivedAmount ?? ReceivedAmount)
            ? Same()
            : Changed(
                this with
                {
                    Status = OrderStatus.NeedsReview,
                    ProviderStatus = verdict.RawStatus,
                    Amount = verdict.Amount ?? Amount,
                    ReceivedAmount = verdict.ReceivedAmount ?? ReceivedAmount,
                    Fee = verdict.Fee ?? Fee,
                    ReviewReason = verdict.ReviewReason ?? Reason.ProviderStatus,
                    LastError = verdict.Note ?? LastError,
                    NextCheckAt = null,
                },
                now
            );
    }

    /// <summary>
    /// Signed provider data contradicts this final order: the change is refused (a conflict; final states never
    /// regress) and the order is flagged for a person again (what the provider said in <see cref="LastError"/>,
    /// acknowledgement cleared), unless it already is for the very same word. An order already flagged for a person
    /// keeps its reason (a succeeded-after-failure, money that may have moved twice, stays named as such); otherwise
    /// the reason is
    /// <see cref="Reason.ProviderContradictsFinal"/>.
    /// </summary>
    private Transition Contradicted(ProviderVerdict verdict, DateTimeOffset now)
    {
        var amount = verdict.ReceivedAmount ?? verdict.Amount;
        var shownAmount = amount is { } a
            ? ", amount " + a.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;
        var shownReason = verdict.ReviewReason is { } r ? ", " + r.Name() : string.Empty;
        var note = ProviderText.Of(
            $"provider says {verdict.Outcome} (status '{verdict.RawStatus}'{shownAmount}{shownReason}) "
                + $"after the order was {Status}"
        );
        var reason = ReviewReasons.FlagsFinalOrder(ReviewReason) ? ReviewReason : Reason.ProviderContradictsFinal;
        if (ReviewReason == reason && LastError == note)
        {
            return Conflict();
        }

        var flagged = Changed(
            this with
            {
                ReviewReason = reason,
                LastError = note,
                ReviewAcknowledgedAt = null,
                ReviewAcknowledgedBy = null,
            },
            now
        ).Order;
        return Conflict() with { Flagged = flagged };
    }
}
