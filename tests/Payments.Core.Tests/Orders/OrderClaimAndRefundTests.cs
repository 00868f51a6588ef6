using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.Tests.Orders;

public sealed class OrderClaimAndRefundTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static PaymentOrder Due() =>
        PaymentOrder.Create(
            new NewOrder("c1", PaymentProvider.HaiPay, "fp", Now.AddMinutes(-1), 10m, "USD"),
            Now.AddMinutes(-2)
        );

    private static PaymentOrder Paid() =>
        Due().Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), null), Now).Order with
        {
            ProviderReference = "602",
        };

    [Fact]
    public void ClaimCheck_Due_MovesTheDueTimeToTheLeaseEnd()
    {
        var claim = Due().ClaimCheck(Now.AddMinutes(2), Now);

        Assert.Equal((TransitionKind.Changed, Now.AddMinutes(2)), (claim.Kind, claim.Order.NextCheckAt));
    }

    [Fact]
    public void ClaimUnverifiedQuery_WithinTheInterval_OnlyTheFirstClaimsAndTheNextAfterIt()
    {
        var first = Due().ClaimUnverifiedQuery(TimeSpan.FromMinutes(5), Now);
        var second = first.Order.ClaimUnverifiedQuery(TimeSpan.FromMinutes(5), Now.AddMinutes(4));
        var later = first.Order.ClaimUnverifiedQuery(TimeSpan.FromMinutes(5), Now.AddMinutes(5));

        Assert.Equal(
            (TransitionKind.Changed, TransitionKind.Unchanged, TransitionKind.Changed),
            (first.Kind, second.Kind, later.Kind)
        );
        Assert.Equal((Now, Due().UpdatedAt), (first.Order.UnverifiedQueryAt, first.Order.UpdatedAt));
    }

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static PaymentOrder Unknown() =>
        Due().MarkUnknown(ProviderText.Of("HTTP 502"), Now.AddMinutes(5), Now).Order;

    [Fact]
    public void ClaimReapply_Unknown_OnlyTheFirstClaimsUntilTheLeaseEnds()
    {
        var first = Unknown().ClaimReapply(Lease, Now);
        var second = first.Order.ClaimReapply(Lease, Now.AddSeconds(1));
        var afterLapse = first.Order.ClaimReapply(Lease, Now + Lease);

        Assert.Equal(
            (TransitionKind.Changed, TransitionKind.Unchanged, TransitionKind.Changed),
            (first.Kind, second.Kind, afterLapse.Kind)
        );
        Assert.Equal((Now + Lease, Unknown().UpdatedAt), (first.Order.ReapplyClaimedUntil, first.Order.UpdatedAt));
    }

    [Fact]
    public void ClaimReapply_AnsweredOrder_Unchanged() =>
        Assert.Equal(TransitionKind.Unchanged, Paid().ClaimReapply(Lease, Now).Kind);

    [Fact]
    public void ClaimReapply_StampFurtherAheadThanALease_CountsAsLapsed()
    {
        var skewed = Unknown() with { ReapplyClaimedUntil = Now.AddHours(1) };

        Assert.Equal(TransitionKind.Changed, skewed.ClaimReapply(Lease, Now).Kind);
    }

    [Fact]
    public void CountReapply_OnlyUnderTheHoldersLiveClaim()
    {
        var claimed = Unknown().ClaimReapply(Lease, Now).Order;
        var until = claimed.ReapplyClaimedUntil!.Value;
        var timeout = TimeSpan.FromSeconds(15);

        var counted = claimed.CountReapply(until, timeout, Now.AddSeconds(1));
        var otherClaim = claimed.CountReapply(until.AddTicks(1), timeout, Now.AddSeconds(1));
        var tooLate = claimed.CountReapply(until, timeout, until - timeout);
        var retaken = claimed.ClaimReapply(Lease, until).Order.CountReapply(until, timeout, until);

        Assert.Equal((TransitionKind.Changed, claimed.ProviderCalls + 1), (counted.Kind, counted.Order.ProviderCalls));
        Assert.Equal(
            (TransitionKind.Unchanged, TransitionKind.Unchanged, TransitionKind.Unchanged),
            (otherClaim.Kind, tooLate.Kind, retaken.Kind)
        );
    }

    [Fact]
    public void CountReapply_Refund_OnlyAfterItsCredentialsWereRefused()
    {
        var refund = PaymentOrder.Create(
            new NewOrder("r1", PaymentProvider.HaiPay, "fp", null, 10m, "USD") { Kind = OrderKind.Refund },
            Now
        );
        var unknown = refund.MarkUnknown(ProviderText.Of("HTTP 502"), null, Now).Order.ClaimReapply(Lease, Now).Order;
        var refused = refund
            .RefuseCredentials(ProviderText.Of("1002: sign error"), Now)
            .Order.ClaimReapply(Lease, Now)
            .Order;

        var afterUnknown = unknown.CountReapply(unknown.ReapplyClaimedUntil!.Value, TimeSpan.FromSeconds(15), Now);
        var afterRefusal = refused.CountReapply(refused.ReapplyClaimedUntil!.Value, TimeSpan.FromSeconds(15), Now);

        Assert.Equal((TransitionKind.Unchanged, TransitionKind.Changed), (afterUnknown.Kind, afterRefusal.Kind));
        Assert.False(afterRefusal.Order.CredentialsRefused);
    }

    [Fact]
    public void ReleaseReapply_OnlyTheHoldersClaim()
    {
        var claimed = Unknown().ClaimReapply(Lease, Now).Order;

        var other = claimed.ReleaseReapply(Now);
        var own = claimed.ReleaseReapply(claimed.ReapplyClaimedUntil!.Value);

        Assert.Equal((TransitionKind.Unchanged, TransitionKind.Changed), (other.Kind, own.Kind));
        Assert.Null(own.Order.ReapplyClaimedUntil);
    }

    [Fact]
    public void ClaimCheck_AlreadyClaimedByAnother_Unchanged()
    {
        var claimed = Due().ClaimCheck(Now.AddMinutes(2), Now).Order;

        Assert.Equal(TransitionKind.Unchanged, claimed.ClaimCheck(Now.AddMinutes(3), Now.AddSeconds(1)).Kind);
    }

    [Fact]
    public void ClaimCheck_FinalOrder_Unchanged()
    {
        Assert.Equal(
            TransitionKind.Unchanged,
            (Paid() with { NextCheckAt = Now.AddMinutes(-1) }).ClaimCheck(Now.AddMinutes(2), Now).Kind
        );
    }

    [Fact]
    public void RequestRefund_SucceededWithoutRefund_TiesIt()
    {
        var tied = Paid().RequestRefund("r1", null, Now);

        Assert.Equal((TransitionKind.Changed, "r1"), (tied.Kind, tied.Order.RefundOrderId));
    }

    [Fact]
    public void RequestRefund_SameRefundAgain_Unchanged_OtherRefund_Conflict()
    {
        var tied = Paid().RequestRefund("r1", null, Now).Order;

        Assert.Equal(TransitionKind.Unchanged, tied.RequestRefund("r1", null, Now).Kind);
        Assert.Equal(TransitionKind.Conflict, tied.RequestRefund("r2", null, Now).Kind);
    }

    [Fact]
    public void RequestRefund_ReplacingTheTiedRefund_TiesTheNewOne()
    {
        var tied = Paid().RequestRefund("r1", null, Now).Order;

        Assert.Equal("r2", tied.RequestRefund("r2", "r1", Now).Order.RefundOrderId);
    }

    [Fact]
    public void RequestRefund_NotSucceeded_Conflict()
    {
        Assert.Equal(TransitionKind.Conflict, Due().RequestRefund("r1", null, Now).Kind);
    }

    [Fact]
    public void Then_FirstChangedSecondUnchanged_IsChangedWithTheSecondOrder()
    {
        var result = Due().ClaimCheck(Now.AddMinutes(2), Now).Then(o => new Transition(TransitionKind.Unchanged, o));

        Assert.Equal((TransitionKind.Changed, Now.AddMinutes(2)), (result.Kind, result.Order.NextCheckAt));
    }

    [Fact]
    public void Then_SecondConflicts_IsAConflict()
    {
        var result = Due().ClaimCheck(Now.AddMinutes(2), Now).Then(o => new Transition(TransitionKind.Conflict, o));

        Assert.Equal(TransitionKind.Conflict, result.Kind);
    }

    [Fact]
    public void Then_FirstConflicts_SecondNeverRuns()
    {
        var ran = false;
        var result = new Transition(TransitionKind.Conflict, Due()).Then(o =>
        {
            ran = true;
            return new Transition(TransitionKind.Changed, o);
        });

        Assert.Equal((TransitionKind.Conflict, false), (result.Kind, ran));
    }

    [Fact]
    public void IsCallInFlight_CreatedRecently_True_AfterTheWindow_False()
    {
        var created = PaymentOrder.Create(new NewOrder("c2", PaymentProvider.HaiPay, "fp", null), Now);

        Assert.True(created.IsCallInFlight(Now.AddSeconds(59)));
        Assert.False(created.IsCallInFlight(Now + PaymentOrder.InFlightWindow));
    }
}
