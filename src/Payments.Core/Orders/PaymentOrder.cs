using Payments.Core.Text;

namespace Payments.Core.Orders;

/// <summary>
/// A payment order: the aggregate every state change goes through. Immutable; each transition
/// returns the changed copy and says whether anything changed. Final states never regress. Every change of the order
/// is made by <see cref="Changed"/> (its time, its event, the review flag's acknowledgement); a claim (a lease on the
/// row that decides who calls the provider) by <see cref="Claimed"/>, which changes nothing a reader of the order sees.
/// </summary>
public sealed partial record PaymentOrder
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

    /// <summary>
    /// Where the customer is sent: the HUAWEIPIN iframe or the HaiPay 3-D Secure page (checked by its type).
    /// </summary>
    public CustomerLink? RedirectUrl { get; init; }

    /// <summary>Requested amount, replaced by the amount the provider reports with its verdict.</summary>
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
    public string? CustomerReference { get; init; }
    public string? CustomerIp { get; init; }
    public string? CardLast4 { get; init; }

    /// <summary>
    /// For an order the provider created on its own (a subscription charge): the provider's own merchant-side id for
    /// it, as reported.
    /// </summary>
    public string? ProviderOrderId { get; init; }

    /// <summary>
    /// The last call to create the order at the provider was refused for our signature or credentials: the provider
    /// created nothing, so even a refund (never sent twice otherwise) may be applied again. Cleared when another call
    /// starts.
    /// </summary>
    public bool CredentialsRefused { get; init; }

    /// <summary>
    /// Until when one request holds the re-apply of this order (Created or Unknown: the first apply's answer never
    /// came): it asks the provider and sends the apply again only while it holds it. Taken by compare-and-swap
    /// (<see cref="ClaimReapply"/>), so concurrent repeats make at most one provider call; released when the holder
    /// records its answer, left to lapse when the holder dies. Null when nobody holds it.
    /// </summary>
    public DateTimeOffset? ReapplyClaimedUntil { get; init; }

    /// <summary>
    /// When a status query prompted by an unverified provider message last ran (one per interval, claimed by
    /// compare-and-swap).
    /// </summary>
    public DateTimeOffset? UnverifiedQueryAt { get; init; }

    /// <summary>For a refund: the payment it refunds.</summary>
    public string? ParentOrderId { get; init; }

    /// <summary>
    /// For a payment: the refund order that claimed it (refunds are full, so there is at most one that counts).
    /// </summary>
    public string? RefundOrderId { get; init; }

    /// <summary>What the provider says it actually collected, when it reports that separately.</summary>
    public decimal? ReceivedAmount { get; init; }

    /// <summary>The provider's handling fee, when it reports one (HaiPay's <c>fee</c>).</summary>
    public decimal? Fee { get; init; }

    /// <summary>When an operator resolved this order (it needed a person); null when none did.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>
    /// The marks (<see cref="Ledger.LedgerEntry.Mark"/>, space-separated, newest last) of the ledger entries this
    /// order's writes made: an entry whose mark the order does not keep was written for an order write that failed.
    /// </summary>
    public string? LedgerMarks { get; init; }

    /// <summary>How many ledger entries this order's writes made (numbers the next one).</summary>
    public long LedgerCount { get; init; }

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

    /// <summary>
    /// Why the provider declined or refused this order (its own words, redacted), when it ended Failed or Rejected.
    /// </summary>
    public ProviderText? DeclineReason => Status is OrderStatus.Failed or OrderStatus.Rejected ? LastError : null;

    /// <summary>Why a person should look at this order (null when nothing needs a look).</summary>
    public ReviewReason? ReviewReason { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>
    /// When an operator acknowledged the <see cref="ReviewReason"/> of this final order (null while nobody has).
    /// </summary>
    public DateTimeOffset? ReviewAcknowledgedAt { get; init; }

    /// <summary>Who acknowledged it (the operator named in the request).</summary>
    public string? ReviewAcknowledgedBy { get; init; }

    /// <summary>
    /// A final order flagged for a person (a late or contradicted success, an amount that differs…) that no operator
    /// has acknowledged yet: it is listed with the orders that need review until one does.
    /// </summary>
    public bool AwaitsAcknowledgement =>
        Status.IsFinal() && ReviewReasons.FlagsFinalOrder(ReviewReason) && ReviewAcknowledgedAt is null;

    /// <summary>The last state change merchants are told about (delivered by the webhook outbox).</summary>
    public OrderEvent? LastEvent { get; init; }

    /// <summary>
    /// How many events the order has raised: each event takes the next number, so a state entered again (NeedsReview,
    /// then Pending, then NeedsReview) is a new event with its own id, while a change that raises nothing keeps the
    /// count. 0 for an order stored before events were numbered; its <see cref="LastEvent"/> keeps the id it had.
    /// </summary>
    public long EventSequence { get; init; }

    /// <summary>
    /// The write that stores this copy raises <see cref="LastEvent"/> (the event came with this very change).
    /// </summary>
    public bool HasNewEvent => LastEvent is { } raised && raised.OccurredAt == UpdatedAt;

    /// <summary>An order Created less than this long ago has a provider call in flight from another request.</summary>
    public static readonly TimeSpan InFlightWindow = TimeSpan.FromSeconds(60);

    public static PaymentOrder Create(NewOrder order, DateTimeOffset now) =>
        new()
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
    /// Every change goes through here: it stamps the time and, when the state became a notable one, raises the order's
    /// next event (<see cref="EventSequence"/> counted up in the same copy, so the compare-and-swap that stores the
    /// change stores both).
    /// </summary>
    private Transition Changed(PaymentOrder next, DateTimeOffset now)
    {
        next =
            next.ReviewReason == ReviewReason
                ? next with
                {
                    UpdatedAt = now,
                }
                : next with
                {
                    UpdatedAt = now,
                    ReviewAcknowledgedAt = null,
                    ReviewAcknowledgedBy = null,
                };
        if (next.Status == Status || !OrderEvent.IsNotable(next.Kind, next.Status))
        {
            return new(TransitionKind.Changed, next);
        }

        var numbered = next with { EventSequence = next.EventSequence + 1 };
        return new(TransitionKind.Changed, numbered with { LastEvent = OrderEvent.For(numbered, now) });
    }

    /// <summary>
    /// A claim on the row: written by compare-and-swap like a change, but no update time and no event.
    /// </summary>
    private static Transition Claimed(PaymentOrder next) => new(TransitionKind.Changed, next);

    private Transition Same() => new(TransitionKind.Unchanged, this);

    private Transition Conflict() => new(TransitionKind.Conflict, this);
}
