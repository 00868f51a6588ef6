using Payments.Core.Text;
using Reason = Payments.Core.Orders.ReviewReason;

namespace Payments.Core.Orders;

/// <summary>PaymentOrder: the provider call that creates the order, its answer, repeats and refunds.</summary>
public sealed partial record PaymentOrder
{
    /// <summary>
    /// The provider accepted the order. An order flagged <c>pay-url-unknown</c> while its apply was still answering is
    /// restored to Pending by that answer when it brings the page the customer pays on (only it can); its checks are
    /// due at once.
    /// </summary>
    public Transition Accept(
        string? reference,
        CustomerLink? redirectUrl,
        DateTimeOffset? nextCheckAt,
        DateTimeOffset now
    ) =>
        Status switch
        {
            OrderStatus.Created or OrderStatus.Unknown => Changed(
                this with
                {
                    Status = OrderStatus.Pending,
                    ProviderReference = reference ?? ProviderReference,
                    RedirectUrl = redirectUrl,
                    NextCheckAt = nextCheckAt,
                    LastError = null,
                },
                now
            ),
            OrderStatus.NeedsReview
                when ReviewReason == Reason.PayUrlUnknown && RedirectUrl is null && redirectUrl is not null => Changed(
                this with
                {
                    Status = OrderStatus.Pending,
                    ProviderReference = reference ?? ProviderReference,
                    RedirectUrl = redirectUrl,
                    NextCheckAt = nextCheckAt ?? now,
                    LastError = null,
                    ReviewReason = null,
                },
                now
            ),
            _ => Same(),
        };

    /// <summary>The provider call's outcome is not known (timeout, 5xx, unreadable reply).</summary>
    public Transition MarkUnknown(ProviderText error, DateTimeOffset? nextCheckAt, DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown
            ? Changed(this with { Status = OrderStatus.Unknown, LastError = error, NextCheckAt = nextCheckAt }, now)
            : Same();

    /// <summary>
    /// The provider refused our signature or credentials: nothing was created there, and the same request may call
    /// again.
    /// </summary>
    public Transition RefuseCredentials(ProviderText error, DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown
            ? Changed(this with { Status = OrderStatus.Unknown, LastError = error, CredentialsRefused = true }, now)
            : Same();

    /// <summary>The provider refused the order; nothing was created there.</summary>
    public Transition Reject(ProviderText error, DateTimeOffset now) =>
        Status is OrderStatus.Created or OrderStatus.Unknown
            ? Changed(
                this with
                {
                    Status = OrderStatus.Rejected,
                    LastError = error,
                    NextCheckAt = null,
                    CompletedAt = now,
                },
                now
            )
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
            ? Claimed(this with { ReapplyClaimedUntil = now + lease })
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
        Status is OrderStatus.Created or OrderStatus.Unknown
        && ReapplyClaimedUntil == claimedUntil
        && now + callTimeout < claimedUntil
        && (Kind != OrderKind.Refund || CredentialsRefused)
            ? Changed(this with { ProviderCalls = ProviderCalls + 1, CredentialsRefused = false }, now)
            : Same();

    /// <summary>The holder of the claim ending <paramref name="claimedUntil"/> is done: another may claim.</summary>
    public Transition ReleaseReapply(DateTimeOffset claimedUntil) =>
        ReapplyClaimedUntil == claimedUntil ? Claimed(this with { ReapplyClaimedUntil = null }) : Same();

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
            ? Changed(
                this with
                {
                    Status = OrderStatus.NeedsReview,
                    ReviewReason = Reason.PayUrlUnknown,
                    LastError = error,
                    NextCheckAt = null,
                },
                now
            )
            : Same();
}
