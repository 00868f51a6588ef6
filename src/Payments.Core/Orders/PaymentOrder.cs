using Payments.Core.Text;

namespace Payments.Core.Orders;

/// <summary>
/// A payment order: the aggregate every state change goes through. Immutable; each transition
/// returns the changed copy and says whether anything changed. Final states never regress.
/// </summary>
public sealed record PaymentOrder
{
    public required string Id { get; init; }
    public required PaymentProvider Provider { get; init; }
    public OrderKind Kind { get; init; }
    public required OrderStatus Status { get; init; }

    /// <summary>SHA-256 of the merchant's request content: a repeat with other content is a conflict.</summary>
    public required string RequestFingerprint { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The provider's status exactly as last received.</summary>
    public ProviderText? ProviderStatus { get; init; }

    /// <summary>The provider's reference (platform order number or frame token).</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Where the customer is sent: the HUAWEIPIN iframe or the HaiPay 3-D Secure page (checked by its type).
    /// </summary>
    public CustomerLink? RedirectUrl { get; init; }

    /// <summary>Requested amount, replaced by the amount the provider reports with its verdict.</summary>
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
    public string? CustomerReference { get; init; }
    public string? CustomerIp { get; init; }
    public string? CardLast4 { get; init; }

    /// <summary>For an order the provider created on its own (a subscription charge): the provider's own merchant-side id for it, as reported.</summary>
    public string? ProviderOrderId { get; init; }

    /// <summary>
    /// The last call to create the order at the provider was refused for our signature or credentials: the provider created
    /// nothing, so even a refund (never sent twice otherwise) may be applied again. Cleared when another call starts.
    /// </summary>
    public bool CredentialsRefused { get; init; }

    /// <summary>
    /// Until when one request holds the re-apply of this order (Created or Unknown: the first apply's answer never
    /// came): it asks the provider and sends the apply again only while it holds it. Taken by compare-and-swap
    /// (<see cref="ClaimReapply"/>), so concurrent repeats make at most one provider call; released when the holder
    /// records its answer, left to lapse when the holder dies. Null when nobody holds it.
    /// </summary>
    public DateTimeOffset? ReapplyClaimedUntil { get; init; }

    /// <summary>When a status query prompted by an unverified provider message last ran (one per interval, claimed by compare-and-swap).</summary>
    public DateTimeOffset? UnverifiedQueryAt { get; init; }

    /// <summary>For a refund: the payment it refunds.</summary>
    public string? ParentOrderId { get; init; }

    /// <summary>For a payment: the refund order that claimed it (refunds are full, so there is at most one that counts).</summary>
    public string? RefundOrderId { get; init; }

    /// <summary>What the provider says it actually collected, when it reports that separately.</summary>
    public decimal? ReceivedAmount { get; init; }

    /// <summary>For a subscription: how often it charges.</summary>
    public Recurrence? Recurrence { get; init; }

    /// <summary>How many times the provider was asked to create the order.</summary>
    public int ProviderCalls { get; init; }

    /// <summary>How many status checks (or expiry checks) ran.</summary>
    public int Checks { get; init; }

    /// <summary>When the order is next due for a status check or expiry; null when nothing is due.</summary>
    public DateTimeOffset? NextCheckAt { get; init; }

    /// <summary>What went wrong last, as the provider (or we, from its answer) put it: redacted by its type.</summary>
    public ProviderText? LastError { get; init; }

    /// <summary>Why a person should look at this order (null when nothing needs a look).</summary>
    public string? ReviewReason { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When an operator acknowledged the <see cref="ReviewReason"/> of this final order (null while nobody has).</summary>
    public DateTimeOffset? ReviewAcknowledgedAt { get; init; }

    /// <summary>Who acknowledged it (the operator named in the request).</summary>
    public string? ReviewAcknowledgedBy { get; init; }

    /// <summary>
    /// A final order flagged for a person (a late or contradicted success, an amount that differs…) that no operator has
    /// acknowledged yet: it is listed with the orders that need review until one does.
    /// </summary>
    public bool AwaitsAcknowledgement => Status.IsFinal() && ReviewReasons.FlagsFinalOrder(ReviewReason) && ReviewAcknowledgedAt is null;

    /// <summary>The last state change merchants are told about (delivered by the webhook outbox).</summary>
    public OrderEvent? LastEvent { get; init; }

    /// <summary>
    /// How many events the order has raised: each event takes the next number, so a state entered again (NeedsReview,
    /// then Pending, then NeedsReview) is a new event with its own id, while a change that raises nothing keeps the
    /// count. 0 for an order stored before events were numbered; its <see cref="LastEvent"/> keeps the id it had.
    /// </summary>
    public long EventSequence { get; init; }

    /// <summary>The write that stores this copy raises <see cref="LastEvent"/> (the event came with this very change).</summary>
    public bool HasNewEvent => LastEvent is { } raised && raised.OccurredAt == UpdatedAt;

    /// <summary>An order Created less than this long ago has a provider call in flight from another request.</summary>
    public static readonly TimeSpan InFlightWindow = TimeSpan.FromSeconds(60);

    public static PaymentOrder Create(NewOrder order, DateTimeOffset now) => new()
    {
        Id = order.Id,
        Provider = order.Provider,
        Kind = order.Kind,
        ParentOrderId = order.ParentOrderId,
        Status = OrderStatus.Created,
        RequestFingerprint = order.RequestFingerprint,
        Amount = order.Amount,
        Currency = order.Currency,
        CustomerReference = order.CustomerReference,
        CustomerIp = order.CustomerIp,
        CardLast4 = order.CardLast4,
        Recurrence = order.Recurrence,
        ProviderCalls = order.Kind == OrderKind.SubscriptionCharge ? 0 : 1,
        CreatedAt = now,
        UpdatedAt = now,
        NextCheckAt = order.FirstCheckAt,
    };

    /// <summary>Another request's provider call may still be running (Created, recently touched).</summary>
    public bool IsCallInFlight(DateTimeOffset now) => Status == OrderStatus.Created && now - UpdatedAt < InFlightWindow;

    /// <summary>
    /// The provider accepted the order. An order flagged <c>pay-url-unknown</c> while its apply was still answering is
    /// restored to Pending by that answer when it brings the page the customer pays on (only it can); its checks are due at once.
    /// </summary>
    public Transition Accept(
        string? reference, CustomerLink? redirectUrl, DateTimeOffset? nextCheckAt, DateTimeOffset now) => Status switch
    {
        OrderStatus.Created or OrderStatus.Unknown => Changed(this with
        {
            Status = OrderStatus.Pending,
            ProviderReference = reference ?? ProviderReference,
            RedirectUrl = redirectUrl,
            NextCheckAt = nextCheckAt,
            LastError = null,
        }, now),
        OrderStatus.NeedsReview when ReviewReason == ReviewReasons.PayUrlUnknown && RedirectUrl is null
            && redirectUrl is not null => Changed(this with
        {
            Status = OrderStatus.Pending,
            ProviderReference = reference ?? ProviderReference,
            RedirectUrl = redirectUrl,
            NextCheckAt = nextCheckAt ?? now,
            LastError = null,
            ReviewReason = null,
        }, now),
        _ => Same(),
    };

    /// <summary>The provider call's outcome is not known (timeout, 5xx, unreadable reply).</summary>
    public Transition MarkUnknown(ProviderText error, DateTimeOffset? nextCheckAt, DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown
            ? Changed(this with { Status = OrderStatus.Unknown, LastError = error, NextCheckAt = nextCheckAt }, now)
            : Same();

    /// <summary>The provider refused our signature or credentials: nothing was created there, and the same request may call again.</summary>
    public Transition RefuseCredentials(ProviderText error, DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown
            ? Changed(this with { Status = OrderStatus.Unknown, LastError = error, CredentialsRefused = true }, now)
            : Same();

    /// <summary>The provider refused the order; nothing was created there.</summary>
    public Transition Reject(ProviderText error, DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown
            ? Changed(this with
            {
                Status = OrderStatus.Rejected,
                LastError = error,
                NextCheckAt = null,
                CompletedAt = now,
            }, now)
            : Same();

    /// <summary>
    /// Counts another attempt to create the order at the provider: after Unknown, or when an earlier
    /// request left it Created (it stopped before recording the provider's answer).
    /// </summary>
    public Transition RetryProviderCall(DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown
            ? Changed(this with { ProviderCalls = ProviderCalls + 1, CredentialsRefused = false }, now)
            : Same();

    /// <summary>
    /// Whether a live claim on the re-apply is held at <paramref name="now"/>: one that has not lapsed and ends no
    /// later than one <paramref name="lease"/> from now (a stamp further ahead, from a clock that moved back, counts
    /// as lapsed).
    /// </summary>
    public bool IsReapplyClaimed(TimeSpan lease, DateTimeOffset now) =>
        ReapplyClaimedUntil is { } until && until > now && until - now <= lease;

    /// <summary>
    /// Claims the re-apply of an order whose first apply's answer never came (Created or Unknown) for
    /// <paramref name="lease"/>: the compare-and-swap that stores the claim is won by one request, and every other
    /// finds it held and makes no provider call. Anything else (claim held, order answered meanwhile) changes nothing.
    /// The claim leaves <see cref="UpdatedAt"/> as it is: taking it is no state change the in-flight window or a reader
    /// should see.
    /// </summary>
    public Transition ClaimReapply(TimeSpan lease, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return Status is OrderStatus.Created or OrderStatus.Unknown && !IsReapplyClaimed(lease, now)
            ? new(TransitionKind.Changed, this with { ReapplyClaimedUntil = now + lease })
            : Same();
    }

    /// <summary>
    /// Counts the apply the holder of the claim ending <paramref name="claimedUntil"/> is about to send, once the
    /// provider said it has no such order: only while that claim is still this order's and outlasts the call
    /// (<paramref name="callTimeout"/>), and for a refund only when its last apply was refused for our credentials
    /// (the one proof that the provider created nothing; the flag is cleared, so it is never sent twice on its
    /// strength).
    /// </summary>
    public Transition CountReapply(DateTimeOffset claimedUntil, TimeSpan callTimeout, DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown && ReapplyClaimedUntil == claimedUntil
            && now + callTimeout < claimedUntil && (Kind != OrderKind.Refund || CredentialsRefused)
            ? Changed(this with { ProviderCalls = ProviderCalls + 1, CredentialsRefused = false }, now)
            : Same();

    /// <summary>The holder of the claim ending <paramref name="claimedUntil"/> is done: another may claim.</summary>
    public Transition ReleaseReapply(DateTimeOffset claimedUntil) =>
        ReapplyClaimedUntil == claimedUntil
            ? new(TransitionKind.Changed, this with { ReapplyClaimedUntil = null })
            : Same();

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
            return repeat ? Same() : moneyAtStake ? Contradicted(verdict, now) : Conflict();
        }

        if (!verdictIsFinal)
        {
            return verdict.RawStatus == ProviderStatus || Status == OrderStatus.Active
                ? Same()
                : Changed(this with { ProviderStatus = verdict.RawStatus, Amount = verdict.Amount ?? Amount }, now);
        }

        return Changed(this with
        {
            Status = verdict.Outcome,
            ProviderStatus = verdict.RawStatus,
            Amount = verdict.Amount ?? Amount,
            ReceivedAmount = verdict.ReceivedAmount ?? ReceivedAmount,
            NextCheckAt = null,
            CompletedAt = now,
            LastError = null,
            ReviewReason = verdict.ReviewReason ?? lateSuccess ?? ResolvedReviewReason,
        }, now);
    }

    /// <summary>
    /// Why a signed success on this order needs a look: it had expired, or it had already ended Rejected or Failed (the provider
    /// may have created and charged it after all, the customer retried, or a replaced refund went through). Such a success is
    /// applied, never dropped: Succeeded is the one state a final order may still move to.
    /// </summary>
    private string? LateSuccessReason => Status switch
    {
        OrderStatus.Expired => ReviewReasons.SucceededAfterExpiry,
        OrderStatus.Rejected or OrderStatus.Failed => ReviewReasons.SucceededAfterFailure,
        _ => null,
    };

    /// <summary>The review reason left once a final verdict arrives: an unknown callback status is answered by it.</summary>
    private string? ResolvedReviewReason => ReviewReason == ReviewReasons.UnknownCallbackStatus ? null : ReviewReason;

    /// <summary>Applies a verdict: flagged for a person when it needs one, settled otherwise.</summary>
    public Transition Apply(ProviderVerdict verdict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict switch
        {
            { NeedsReview: true } => FlagForReview(verdict, now),
            { Outcome: OrderStatus.Active } when Kind == OrderKind.Subscription && Status.IsFinal() && Status != OrderStatus.Active
                => Contradicted(verdict, now),
            { Outcome: OrderStatus.Active } => Activate(verdict.RawStatus, now),
            _ => Settle(verdict, now),
        };
    }

    /// <summary>The customer confirmed a subscription: it now charges on its own schedule and is no longer polled.</summary>
    public Transition Activate(ProviderText rawStatus, DateTimeOffset now) => Status switch
    {
        _ when Kind != OrderKind.Subscription || Status.IsFinal() => Conflict(),
        OrderStatus.Active => Same(),
        _ => Changed(this with { Status = OrderStatus.Active, ProviderStatus = rawStatus, NextCheckAt = null, LastError = null, ReviewReason = null }, now),
    };

    /// <summary>A verdict that needs a person (partial or over-collection): recorded, not final.</summary>
    public Transition FlagForReview(ProviderVerdict verdict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Outcome == OrderStatus.Succeeded && Status is OrderStatus.Rejected or OrderStatus.Failed)
        {
            // Money was taken after we recorded a failure: final stays final (Succeeded, flagged), never back to an open state.
            return Changed(this with
            {
                Status = OrderStatus.Succeeded,
                ProviderStatus = verdict.RawStatus,
                ReceivedAmount = verdict.ReceivedAmount ?? ReceivedAmount,
                ReviewReason = verdict.ReviewReason ?? ReviewReasons.ProviderStatus,
                LastError = verdict.Note ?? LastError,
                NextCheckAt = null,
            }, now);
        }

        if (Status.IsFinal())
        {
            var repeat = ProviderStatus == verdict.RawStatus && ReceivedAmount == (verdict.ReceivedAmount ?? ReceivedAmount);
            return repeat ? Conflict() : Contradicted(verdict, now);
        }

        return Status == OrderStatus.NeedsReview && ProviderStatus == verdict.RawStatus
            && Amount == (verdict.Amount ?? Amount) && ReceivedAmount == (verdict.ReceivedAmount ?? ReceivedAmount)
            ? Same()
            : Changed(this with
            {
                Status = OrderStatus.NeedsReview,
                ProviderStatus = verdict.RawStatus,
                Amount = verdict.Amount ?? Amount,
                ReceivedAmount = verdict.ReceivedAmount ?? ReceivedAmount,
                ReviewReason = verdict.ReviewReason ?? ReviewReasons.ProviderStatus,
                LastError = verdict.Note ?? LastError,
                NextCheckAt = null,
            }, now);
    }

    /// <summary>No verdict arrived in time. Only open orders expire.</summary>
    public Transition Expire(DateTimeOffset now) =>
        Status.IsOpen()
            ? Changed(this with { Status = OrderStatus.Expired, NextCheckAt = null, Checks = Checks + 1 }, now)
            : Same();

    /// <summary>A status check ran and found nothing final; the next one is due at <paramref name="nextCheckAt"/>.</summary>
    public Transition ScheduleNextCheck(DateTimeOffset? nextCheckAt, ProviderText? error, DateTimeOffset now) =>
        Status.IsFinal()
            ? Same()
            : Changed(this with { Checks = Checks + 1, NextCheckAt = nextCheckAt, LastError = error ?? LastError }, now);

    /// <summary>
    /// Claims a due check for one poller: moves the due time to <paramref name="leaseUntil"/>, so a second
    /// poller's compare-and-swap loses. A poller that dies leaves the order due again when the lease ends.
    /// </summary>
    public Transition ClaimCheck(DateTimeOffset leaseUntil, DateTimeOffset now) =>
        Status.IsOpen() && NextCheckAt <= now
            ? Changed(this with { NextCheckAt = leaseUntil }, now)
            : Same();

    /// <summary>
    /// Ties a refund to this payment. Refunds are full: only a succeeded payment is refundable, by one refund,
    /// unless that refund was refused (<paramref name="replacing"/>).
    /// </summary>
    public Transition RequestRefund(string refundId, string? replacing, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        if (RefundOrderId == refundId)
        {
            return Same();
        }

        var free = RefundOrderId is null || RefundOrderId == replacing;
        return Kind == OrderKind.Payment && Status == OrderStatus.Succeeded && free
            ? Changed(this with { RefundOrderId = refundId }, now)
            : Conflict();
    }

    /// <summary>
    /// The provider holds the order open but the page the customer pays on (3-D Secure page, iframe) was never received
    /// and cannot be asked for again: a person decides, never a silent Pending without a link.
    /// </summary>
    public Transition FlagRedirectUnknown(ProviderText error, DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown or OrderStatus.Pending && RedirectUrl is null
            ? Changed(this with
            {
                Status = OrderStatus.NeedsReview,
                ReviewReason = ReviewReasons.PayUrlUnknown,
                LastError = error,
                NextCheckAt = null,
            }, now)
            : Same();

    /// <summary>
    /// Claims the one status query an unverified provider message may prompt per <paramref name="interval"/>: the compare-and-swap that
    /// stores <see cref="UnverifiedQueryAt"/> is the claim, so concurrent messages, instances and restarts share it.
    /// </summary>
    public Transition ClaimUnverifiedQuery(TimeSpan interval, DateTimeOffset now) =>
        IsUnverifiedQueryDue(interval, now)
            ? new(TransitionKind.Changed, this with { UnverifiedQueryAt = now })
            : Same();

    /// <summary>
    /// Whether <see cref="ClaimUnverifiedQuery"/> would claim on this version of the order: no query on an unverified message in
    /// the last <paramref name="interval"/> (a stamp in the future, a clock that moved back, counts as none).
    /// </summary>
    public bool IsUnverifiedQueryDue(TimeSpan interval, DateTimeOffset now) =>
        UnverifiedQueryAt is not { } last || now - last >= interval || last > now;

    /// <summary>The check schedule ran out without a verdict: a person decides, never "failed" by default.</summary>
    public Transition GiveUpChecking(string reason, DateTimeOffset now) =>
        Status.IsOpen()
            ? Changed(this with
            {
                Status = OrderStatus.NeedsReview,
                ReviewReason = reason,
                NextCheckAt = null,
                Checks = Checks + 1,
            }, now)
            : Same();

    /// <summary>
    /// An operator's decision on an order waiting for a person (NeedsReview only; anything else is a conflict, so final states
    /// never regress): it becomes Succeeded or Failed, no longer flagged, and the merchant is told as for any final state.
    /// <paramref name="providerStatus"/> is the provider's status the decision agreed with, if it was asked.
    /// </summary>
    public Transition Resolve(OrderStatus decision, ProviderText? providerStatus, DateTimeOffset now)
    {
        if (decision is not (OrderStatus.Succeeded or OrderStatus.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "An operator decides Succeeded or Failed.");
        }

        return Status == OrderStatus.NeedsReview
            ? Changed(this with
            {
                Status = decision,
                ProviderStatus = providerStatus ?? ProviderStatus,
                ReviewReason = null,
                NextCheckAt = null,
                CompletedAt = now,
            }, now)
            : Conflict();
    }

    /// <summary>
    /// An operator's decision that agrees with the provider's signed <paramref name="answer"/> (evidence provider-answer): as
    /// <see cref="Resolve(OrderStatus, ProviderText?, DateTimeOffset)"/>, and the answer's amounts are recorded as the poller would
    /// record them (the amount it reports, what it says it received). An answer that itself needs a person (a review reason such
    /// as amount-mismatch or partial-collection) decides nothing: the operator must not waive what the provider's answer flags.
    /// </summary>
    public Transition ResolveAsProviderAnswered(OrderStatus decision, ProviderVerdict answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Outcome != decision || answer.ReviewReason is not null)
        {
            return Conflict();
        }

        return Resolve(decision, answer.RawStatus, now).Then(o => new Transition(TransitionKind.Changed, o with
        {
            Amount = answer.Amount ?? o.Amount,
            ReceivedAmount = answer.ReceivedAmount ?? o.ReceivedAmount,
        }));
    }

    /// <summary>
    /// An operator has seen why this final order was flagged (<see cref="AwaitsAcknowledgement"/>): it keeps its status and
    /// reason, and is no longer listed. Anything else is a conflict (nothing to acknowledge).
    /// </summary>
    public Transition Acknowledge(string @operator, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(@operator);
        return AwaitsAcknowledgement
            ? Changed(this with { ReviewAcknowledgedAt = now, ReviewAcknowledgedBy = @operator }, now)
            : Conflict();
    }

    /// <summary>
    /// Signed provider data contradicts this final order: the change is refused (a conflict; final states never regress) and
    /// the order is flagged for a person again (what the provider said in <see cref="LastError"/>, acknowledgement cleared),
    /// unless it already is for the very same word. An order already flagged for a person keeps its reason (a
    /// succeeded-after-failure, money that may have moved twice, stays named as such); otherwise the reason is
    /// <see cref="ReviewReasons.ProviderContradictsFinal"/>.
    /// </summary>
    private Transition Contradicted(ProviderVerdict verdict, DateTimeOffset now)
    {
        var amount = verdict.ReceivedAmount ?? verdict.Amount;
        var note = ProviderText.Of($"provider says {verdict.Outcome} (status '{verdict.RawStatus}'{(amount is { } a ? $", amount {a.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty)}{(verdict.ReviewReason is { } r ? ", " + r : string.Empty)}) after the order was {Status}");
        var reason = ReviewReasons.FlagsFinalOrder(ReviewReason) ? ReviewReason : ReviewReasons.ProviderContradictsFinal;
        if (ReviewReason == reason && LastError == note)
        {
            return Conflict();
        }

        var flagged = Changed(this with
        {
            ReviewReason = reason,
            LastError = note,
            ReviewAcknowledgedAt = null,
            ReviewAcknowledgedBy = null,
        }, now).Order;
        return Conflict() with { Flagged = flagged };
    }

    /// <summary>
    /// Every change goes through here: it stamps the time and, when the state became a notable one, raises the order's
    /// next event (<see cref="EventSequence"/> counted up in the same copy, so the compare-and-swap that stores the
    /// change stores both).
    /// </summary>
    private Transition Changed(PaymentOrder next, DateTimeOffset now)
    {
        next = next.ReviewReason == ReviewReason
            ? next with { UpdatedAt = now }
            : next with { UpdatedAt = now, ReviewAcknowledgedAt = null, ReviewAcknowledgedBy = null };
        if (next.Status == Status || !OrderEvent.IsNotable(next.Kind, next.Status))
        {
            return new(TransitionKind.Changed, next);
        }

        var numbered = next with { EventSequence = next.EventSequence + 1 };
        return new(TransitionKind.Changed, numbered with { LastEvent = OrderEvent.For(numbered, now) });
    }

    private Transition Same() => new(TransitionKind.Unchanged, this);

    private Transition Conflict() => new(TransitionKind.Conflict, this);
}
