using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Text;

namespace Payments.Core.Tests.Orders;

public sealed class PaymentOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static PaymentOrder Pending() =>
        PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HuaweiPin, "fp", Now.AddHours(72)), Now)
            .Accept("token", TestLinks.Of("https://frame"), Now.AddHours(72), Now)
            .Order;

    private static ProviderVerdict Success(decimal amount = 10m) =>
        new(OrderStatus.Succeeded, ProviderText.Of("success"), amount);

    [Fact]
    public void Create_Always_StartsCreatedWithOneProviderCall()
    {
        var order = PaymentOrder.Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", null, 5m, "USD"), Now);

        Assert.Equal((OrderStatus.Created, 1, Now), (order.Status, order.ProviderCalls, order.UpdatedAt));
    }

    [Fact]
    public void Settle_PendingWithSuccess_ChangesToSucceededWithAmount()
    {
        var transition = Pending().Settle(Success(12.34m), Now.AddMinutes(1));

        Assert.True(transition.IsChanged);
        Assert.Equal(OrderStatus.Succeeded, transition.Order.Status);
        Assert.Equal(12.34m, transition.Order.Amount);
        Assert.Equal("success", transition.Order.ProviderStatus);
        Assert.Null(transition.Order.NextCheckAt);
        Assert.Equal(Now.AddMinutes(1), transition.Order.CompletedAt);
    }

    [Fact]
    public void Settle_SameVerdictTwice_SecondIsUnchanged()
    {
        var settled = Pending().Settle(Success(), Now).Order;

        Assert.Equal(TransitionKind.Unchanged, settled.Settle(Success(), Now.AddMinutes(10)).Kind);
    }

    [Theory]
    [InlineData(OrderStatus.Failed, "10")]
    [InlineData(OrderStatus.Succeeded, "11")]
    public void Settle_FinalOrderWithContradictingVerdict_IsConflictAndKeepsState(OrderStatus outcome, string amount)
    {
        var settled = Pending().Settle(Success(10m), Now).Order;

        var transition = settled.Settle(
            new ProviderVerdict(
                outcome,
                ProviderText.Of("x"),
                decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)
            ),
            Now
        );

        Assert.Equal(TransitionKind.Conflict, transition.Kind);
        Assert.Same(settled, transition.Order);
    }

    [Fact]
    public void Settle_FinalOrderWithStaleNonFinalVerdict_IsUnchanged()
    {
        var settled = Pending().Settle(Success(), Now).Order;

        Assert.Equal(
            TransitionKind.Unchanged,
            settled.Settle(new ProviderVerdict(OrderStatus.Pending, ProviderText.Of("1"), null), Now).Kind
        );
    }

    [Fact]
    public void Settle_NonFinalRawStatus_RecordsRawAndStaysPending()
    {
        var transition = Pending()
            .Settle(new ProviderVerdict(OrderStatus.Pending, ProviderText.Of("processing"), null), Now);

        Assert.True(transition.IsChanged);
        Assert.Equal((OrderStatus.Pending, "processing"), (transition.Order.Status, transition.Order.ProviderStatus));
    }

    [Fact]
    public void Settle_ExpiredThenSuccess_RecordsSuccessAndFlagsIt()
    {
        var expired = Pending().Expire(Now).Order;

        var transition = expired.Settle(Success(), Now);

        Assert.Equal(OrderStatus.Succeeded, transition.Order.Status);
        Assert.Equal(ReviewReason.SucceededAfterExpiry, transition.Order.ReviewReason);
    }

    [Fact]
    public void Expire_FinalOrder_IsUnchanged()
    {
        var settled = Pending().Settle(Success(), Now).Order;

        Assert.Equal(TransitionKind.Unchanged, settled.Expire(Now).Kind);
    }

    [Fact]
    public void Accept_AlreadyPending_IsUnchanged()
    {
        Assert.Equal(
            TransitionKind.Unchanged,
            Pending().Accept("other", TestLinks.Of("https://other"), null, Now).Kind
        );
    }

    [Fact]
    public void MarkUnknown_ThenAccept_MovesToPendingAndClearsError()
    {
        var unknown = PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", null), Now)
            .MarkUnknown(ProviderText.Of("timeout"), Now, Now)
            .Order;

        var accepted = unknown.Accept("no", null, null, Now).Order;

        Assert.Equal(OrderStatus.Unknown, unknown.Status);
        Assert.Equal((OrderStatus.Pending, null), (accepted.Status, accepted.LastError));
    }

    [Fact]
    public void GiveUpChecking_OpenOrder_NeedsReviewNeverFailed()
    {
        var transition = Pending().GiveUpChecking(ReviewReason.ChecksExhausted, Now);

        Assert.Equal(OrderStatus.NeedsReview, transition.Order.Status);
        Assert.Equal(ReviewReason.ChecksExhausted, transition.Order.ReviewReason);
    }

    [Fact]
    public void FlagForReview_PartialCollection_RecordsAmountAndIsNotFinal()
    {
        var transition = Pending()
            .FlagForReview(
                new ProviderVerdict(
                    OrderStatus.NeedsReview,
                    ProviderText.Of("4"),
                    3.50m,
                    ReviewReason.PartialCollection
                ),
                Now
            );

        Assert.Equal(OrderStatus.NeedsReview, transition.Order.Status);
        Assert.Equal(3.50m, transition.Order.Amount);
        Assert.False(transition.Order.Status.IsFinal());
        Assert.Equal(OrderStatus.Succeeded, transition.Order.Settle(Success(), Now).Order.Status);
    }

    [Fact]
    public void Reject_PendingOrder_IsUnchanged()
    {
        Assert.Equal(TransitionKind.Unchanged, Pending().Reject(ProviderText.Of("306"), Now).Kind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RetryProviderCall_CreatedOrUnknown_CountsTheCallAndKeepsStatus(bool unknown)
    {
        var created = PaymentOrder.Create(new NewOrder("o1", PaymentProvider.HuaweiPin, "fp", null), Now);
        var order = unknown ? created.MarkUnknown(ProviderText.Of("timeout"), null, Now).Order : created;

        var transition = order.RetryProviderCall(Now.AddMinutes(2));

        Assert.True(transition.IsChanged);
        Assert.Equal((order.Status, 2), (transition.Order.Status, transition.Order.ProviderCalls));
    }

    [Fact]
    public void RetryProviderCall_Pending_IsUnchanged()
    {
        Assert.Equal(TransitionKind.Unchanged, Pending().RetryProviderCall(Now).Kind);
    }

    [Fact]
    public void Accept_PayUrlUnknownOrderWithTheLink_PendingWithTheLinkAndNoReview()
    {
        var flagged = PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", null), Now)
            .FlagRedirectUnknown(ProviderText.Of("lost"), Now)
            .Order;

        var restored = flagged.Accept("602", TestLinks.Of("https://3ds"), null, Now.AddSeconds(5));

        Assert.Equal(OrderStatus.NeedsReview, flagged.Status);
        Assert.Equal(
            (TransitionKind.Changed, OrderStatus.Pending, "https://3ds", "602", null, null),
            (
                restored.Kind,
                restored.Order.Status,
                restored.Order.RedirectUrl?.Value,
                restored.Order.ProviderReference,
                restored.Order.ReviewReason,
                restored.Order.LastError
            )
        );
        Assert.Equal(Now.AddSeconds(5), restored.Order.NextCheckAt);
    }

    [Fact]
    public void Accept_PayUrlUnknownOrderWithoutALink_IsUnchanged()
    {
        var flagged = PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", null), Now)
            .FlagRedirectUnknown(ProviderText.Of("lost"), Now)
            .Order;

        Assert.Equal(TransitionKind.Unchanged, flagged.Accept("602", null, null, Now).Kind);
    }

    [Fact]
    public void Accept_NeedsReviewForAnotherReason_IsUnchanged()
    {
        var flagged = Pending().GiveUpChecking(ReviewReason.ChecksExhausted, Now).Order;

        Assert.Equal(TransitionKind.Unchanged, flagged.Accept("602", TestLinks.Of("https://3ds"), null, Now).Kind);
    }

    [Theory]
    [InlineData(OrderStatus.Rejected, OrderKind.Payment, "order.succeeded")]
    [InlineData(OrderStatus.Failed, OrderKind.Payment, "order.succeeded")]
    [InlineData(OrderStatus.Failed, OrderKind.Refund, "refund.succeeded")]
    public void Settle_SuccessAfterRejectedOrFailed_SucceededFlaggedAndRaisesTheEvent(
        OrderStatus final,
        OrderKind kind,
        string eventType
    )
    {
        var ended = PaymentOrder.Create(
            new NewOrder("o1", PaymentProvider.HaiPay, "fp", null, 10m, Kind: kind),
            Now
        ) with
        {
            Status = final,
        };

        var transition = ended.Settle(Success(), Now.AddMinutes(1));

        Assert.Equal(
            (TransitionKind.Changed, OrderStatus.Succeeded, ReviewReason.SucceededAfterFailure),
            (transition.Kind, transition.Order.Status, transition.Order.ReviewReason)
        );
        Assert.True(transition.Order.HasNewEvent);
        Assert.Equal(eventType, transition.Order.LastEvent!.Type);
        Assert.Equal(
            TransitionKind.Conflict,
            transition
                .Order.Settle(
                    new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("failed"), 10m),
                    Now.AddMinutes(2)
                )
                .Kind
        );
    }

    [Fact]
    public void Apply_AmountMismatchSuccessAfterFailure_SucceededFlaggedNeverReopened()
    {
        var failed = Pending()
            .Settle(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("failed"), null), Now)
            .Order;

        var transition = failed.Apply(
            new ProviderVerdict(
                OrderStatus.Succeeded,
                ProviderText.Of("success"),
                null,
                ReviewReason.AmountMismatch,
                7m
            ),
            Now
        );

        Assert.Equal(
            (OrderStatus.Succeeded, ReviewReason.AmountMismatch, 7m),
            (transition.Order.Status, transition.Order.ReviewReason, transition.Order.ReceivedAmount)
        );
    }
}
