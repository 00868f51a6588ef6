using Payments.Core.Text;
using Reason = Payments.Core.Orders.ReviewReason;

namespace Payments.Core.Orders;

/// <summary>PaymentOrder: status checks, their claims and their end.</summary>
public sealed partial record PaymentOrder
{
    /// <summary>No verdict arrived in time. Only open orders expire.</summary>
    public Transition Expire(DateTimeOffset now) =>
        Status.IsOpen()
            ? Changed(this with { Status = OrderStatus.Expired, NextCheckAt = null, Checks = Checks + 1 }, now)
            : Same();

    /// <summary>
    /// A status check ran and found nothing final; the next one is due at <paramref name="nextCheckAt"/>.
    /// </summary>
    public Transition ScheduleNextCheck(DateTimeOffset? nextCheckAt, ProviderText? error, DateTimeOffset now) =>
        Status.IsFinal()
            ? Same()
            : Changed(
                this with
                {
                    Checks = Checks + 1,
                    NextCheckAt = nextCheckAt,
                    LastError = error ?? LastError,
                },
                now
            );

    /// <summary>
    /// Claims a due check for one poller: moves the due time to <paramref name="leaseUntil"/>, so a second
    /// poller's compare-and-swap loses. A poller that dies leaves the order due again when the lease ends.
    /// </summary>
    public Transition ClaimCheck(DateTimeOffset leaseUntil, DateTimeOffset now) =>
        Status.IsOpen() && NextCheckAt <= now ? Changed(this with { NextCheckAt = leaseUntil }, now) : Same();

    /// <summary>
    /// Claims the one status query an unverified provider message may prompt per <paramref name="interval"/>: the
    /// compare-and-swap that stores <see cref="UnverifiedQueryAt"/> is the claim, so concurrent messages, instances and
    /// restarts share it.
    /// </summary>
    public Transition ClaimUnverifiedQuery(TimeSpan interval, DateTimeOffset now) =>
        IsUnverifiedQueryDue(interval, now) ? Claimed(this with { UnverifiedQueryAt = now }) : Same();

    /// <summary>
    /// Whether <see cref="ClaimUnverifiedQuery"/> would claim on this version of the order: no query on an unverified
    /// message in the last <paramref name="interval"/> (a stamp in the future, a clock that moved back, counts as
    /// none).
    /// </summary>
    public bool IsUnverifiedQueryDue(TimeSpan interval, DateTimeOffset now) =>
        UnverifiedQueryAt is not { } last || now - last >= interval || last > now;

    /// <summary>The check schedule ran out without a verdict: a person decides, never "failed" by default.</summary>
    public Transition GiveUpChecking(Reason reason, DateTimeOffset now) =>
        Status.IsOpen()
            ? Changed(
                this with
                {
                    Status = OrderStatus.NeedsReview,
                    ReviewReason = reason,
                    NextCheckAt = null,
                    Checks = Checks + 1,
                },
                now
            )
            : Same();
}
