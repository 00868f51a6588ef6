using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Text;

namespace Payments.Core.Tests.Orders;

/// <summary>
/// Final orders flagged for a person: signed provider data contradicting the final state is refused (a conflict, the
/// state stays) but flags the order, and a flagged final order awaits an operator's acknowledgement.
/// </summary>
public sealed class FinalOrderFlagTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static PaymentOrder Pending() =>
        PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", Now.AddHours(72), 12.50m, "USD"), Now)
            .Accept("ref", TestLinks.Of("https://pay"), Now.AddHours(72), Now)
            .Order;

    private static PaymentOrder Succeeded() =>
        Pending()
            .Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m), Now.AddMinutes(1))
            .Order;

    [Fact]
    public void Settle_SignedFailureAfterSucceeded_ConflictWithTheOrderFlaggedStatusKept()
    {
        var paid = Succeeded();

        var transition = paid.Settle(
            new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 12.50m),
            Now.AddMinutes(5)
        );

        Assert.Equal(TransitionKind.Conflict, transition.Kind);
        Assert.Same(paid, transition.Order);
        var flagged = Assert.IsType<PaymentOrder>(transition.Flagged);
        Assert.Equal(
            (OrderStatus.Succeeded, ReviewReason.ProviderContradictsFinal, Now.AddMinutes(5)),
            (flagged.Status, flagged.ReviewReason, flagged.UpdatedAt)
        );
        Assert.Contains("'3'", flagged.LastError?.Value, StringComparison.Ordinal);
        Assert.False(flagged.HasNewEvent);
        Assert.Equal(paid.LastEvent, flagged.LastEvent);
        Assert.True(flagged.AwaitsAcknowledgement);
    }

    [Fact]
    public void Settle_SameContradictionAgain_ConflictNotFlaggedTwice()
    {
        var flagged = Succeeded()
            .Settle(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 12.50m), Now.AddMinutes(5))
            .Flagged!;

        var again = flagged.Settle(
            new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 12.50m),
            Now.AddMinutes(6)
        );

        Assert.Equal(TransitionKind.Conflict, again.Kind);
        Assert.Null(again.Flagged);
    }

    [Fact]
    public void Settle_SuccessOfAnotherAmountAfterSucceeded_Flagged()
    {
        var transition = Succeeded()
            .Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 99m), Now.AddMinutes(5));

        Assert.Equal(
            (TransitionKind.Conflict, ReviewReason.ProviderContradictsFinal, 12.50m),
            (transition.Kind, transition.Flagged?.ReviewReason, transition.Flagged?.Amount)
        );
    }

    [Fact]
    public void Settle_FailureAfterRejected_ConflictNotFlagged()
    {
        var rejected = PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", null, 5m), Now)
            .Reject(ProviderText.Of("refused"), Now)
            .Order;

        var transition = rejected.Settle(
            new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 5m),
            Now.AddMinutes(1)
        );

        Assert.Equal(TransitionKind.Conflict, transition.Kind);
        Assert.Null(transition.Flagged);
    }

    [Fact]
    public void FlagForReview_RepeatOfTheSuccessAfterFailure_ConflictNotFlagged()
    {
        var failed = Pending()
            .Settle(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 12.50m), Now.AddMinutes(1))
            .Order;
        var mismatch = new ProviderVerdict(
            OrderStatus.Succeeded,
            ProviderText.Of("2"),
            null,
            ReviewReason.AmountMismatch,
            9m
        );
        var late = failed.FlagForReview(mismatch, Now.AddMinutes(2)).Order;

        var repeat = late.FlagForReview(mismatch, Now.AddMinutes(3));

        Assert.Equal((OrderStatus.Succeeded, ReviewReason.AmountMismatch), (late.Status, late.ReviewReason));
        Assert.Equal(TransitionKind.Conflict, repeat.Kind);
        Assert.Null(repeat.Flagged);
    }

    [Fact]
    public void Acknowledge_LateSuccess_MarkedStatusAndReasonKept()
    {
        var expired = Pending().Expire(Now.AddMinutes(1)).Order;
        var late = expired
            .Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m), Now.AddMinutes(2))
            .Order;

        var acknowledged = late.Acknowledge("alice@shop.example", Now.AddMinutes(3));

        Assert.True(late.AwaitsAcknowledgement);
        Assert.Equal(TransitionKind.Changed, acknowledged.Kind);
        Assert.Equal(
            (OrderStatus.Succeeded, ReviewReason.SucceededAfterExpiry, Now.AddMinutes(3), "alice@shop.example", false),
            (
                acknowledged.Order.Status,
                acknowledged.Order.ReviewReason,
                acknowledged.Order.ReviewAcknowledgedAt,
                acknowledged.Order.ReviewAcknowledgedBy,
                acknowledged.Order.AwaitsAcknowledgement
            )
        );
        Assert.False(acknowledged.Order.HasNewEvent);
    }

    [Fact]
    public void Acknowledge_NothingFlaggedOrAlreadyAcknowledged_Conflict()
    {
        var flagged = Succeeded()
            .Settle(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 12.50m), Now.AddMinutes(5))
            .Flagged!;
        var acknowledged = flagged.Acknowledge("a@b.c", Now.AddMinutes(6)).Order;
        var needsReview = Pending().GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddMinutes(1)).Order;
        var settledAfterReview = needsReview
            .Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m), Now.AddMinutes(2))
            .Order;

        Assert.Equal(TransitionKind.Conflict, Succeeded().Acknowledge("a@b.c", Now).Kind);
        Assert.Equal(TransitionKind.Conflict, acknowledged.Acknowledge("a@b.c", Now.AddMinutes(7)).Kind);
        Assert.Equal(TransitionKind.Conflict, needsReview.Acknowledge("a@b.c", Now).Kind);
        Assert.Equal(TransitionKind.Conflict, settledAfterReview.Acknowledge("a@b.c", Now).Kind);
    }

    [Fact]
    public void Settle_NewContradictionAfterAcknowledgement_FlaggedAgain()
    {
        var acknowledged = Succeeded()
            .Settle(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), 12.50m), Now.AddMinutes(5))
            .Flagged!.Acknowledge("a@b.c", Now.AddMinutes(6))
            .Order;

        var transition = acknowledged.Settle(
            new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 30m),
            Now.AddMinutes(7)
        );

        Assert.Equal(
            (TransitionKind.Conflict, true, null),
            (transition.Kind, transition.Flagged?.AwaitsAcknowledgement, transition.Flagged?.ReviewAcknowledgedBy)
        );
    }
}
