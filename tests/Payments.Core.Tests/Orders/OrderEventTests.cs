using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Text;

namespace Payments.Core.Tests.Orders;

public sealed class OrderEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static PaymentOrder Pending(OrderKind kind = OrderKind.Payment) =>
        PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", Now.AddHours(1)) { Kind = kind }, Now)
            .Accept("ref", null, Now.AddHours(1), Now)
            .Order;

    [Fact]
    public void Settle_ToFinal_RaisesEventInTheSameChange()
    {
        var settled = Pending()
            .Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("1"), 10m), Now.AddMinutes(1))
            .Order;

        var id = OrderEvent.IdFor("o1", 1, OrderStatus.Succeeded);
        var expected = new OrderEvent(id, "order.succeeded", OrderStatus.Succeeded, Now.AddMinutes(1));
        Assert.Equal(expected, settled.LastEvent);
        Assert.True(settled.HasNewEvent);
    }

    [Fact]
    public void Accept_NotNotable_RaisesNothing()
    {
        Assert.Null(Pending().LastEvent);
        Assert.False(Pending().HasNewEvent);
    }

    [Fact]
    public void LaterChange_KeepsEventButNotAsNew()
    {
        var settled = Pending()
            .Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("1"), 10m), Now.AddMinutes(1))
            .Order;

        var refunded = settled.RequestRefund("r1", null, Now.AddMinutes(2)).Order;

        Assert.Equal(settled.LastEvent, refunded.LastEvent);
        Assert.False(refunded.HasNewEvent);
    }

    [Fact]
    public void ExpiredThenSucceeded_TwoEventsWithDifferentIds()
    {
        var expired = Pending().Expire(Now.AddMinutes(1)).Order;
        var late = expired
            .Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("1"), 10m), Now.AddMinutes(2))
            .Order;

        Assert.Equal("order.expired", expired.LastEvent!.Type);
        Assert.Equal("order.succeeded", late.LastEvent!.Type);
        Assert.NotEqual(expired.LastEvent.Id, late.LastEvent.Id);
    }

    [Fact]
    public void RepeatedSameVerdict_NoSecondEvent()
    {
        var settled = Pending()
            .Settle(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("1"), 10m), Now.AddMinutes(1))
            .Order;

        var again = settled.Settle(
            new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("1"), 10m),
            Now.AddMinutes(2)
        );

        Assert.False(again.IsChanged);
        Assert.Equal(settled.LastEvent, again.Order.LastEvent);
    }

    [Fact]
    public void NeedsReviewReentered_RaisesANewEventWithItsOwnId()
    {
        var lost = Pending().FlagRedirectUnknown(ProviderText.Of("apply answer lost"), Now.AddMinutes(1)).Order;
        var restored = lost.Accept("ref", TestLinks.Of("https://3ds"), Now.AddHours(1), Now.AddMinutes(2)).Order;

        var partial = restored.Apply(PartialCollection(), Now.AddMinutes(3)).Order;

        Assert.Equal((OrderStatus.NeedsReview, OrderStatus.Pending), (lost.Status, restored.Status));
        Assert.Equal(("order.needs_review", "order.needs_review"), (lost.LastEvent!.Type, partial.LastEvent!.Type));
        Assert.True(partial.HasNewEvent);
        Assert.NotEqual(lost.LastEvent.Id, partial.LastEvent.Id);
        Assert.Equal((1L, 1L, 2L), (lost.EventSequence, restored.EventSequence, partial.EventSequence));
    }

    [Fact]
    public void DuplicateProviderMessageOnAReenteredState_RaisesNoEvent()
    {
        var lost = Pending().FlagRedirectUnknown(ProviderText.Of("apply answer lost"), Now.AddMinutes(1)).Order;
        var partial = lost.Accept("ref", TestLinks.Of("https://3ds"), Now.AddHours(1), Now.AddMinutes(2))
            .Order.Apply(PartialCollection(), Now.AddMinutes(3))
            .Order;

        var duplicate = partial.Apply(PartialCollection(), Now.AddMinutes(4));

        Assert.False(duplicate.IsChanged);
        Assert.Equal(partial.LastEvent, duplicate.Order.LastEvent);
        Assert.Equal(partial.EventSequence, duplicate.Order.EventSequence);
    }

    private static ProviderVerdict PartialCollection() =>
        new(OrderStatus.Pending, ProviderText.Of("4"), 10m, ReviewReason.PartialCollection, ReceivedAmount: 5m);

    [Fact]
    public void IdFor_SameOrderStateAndNumber_SameIdEveryTimeAnotherNumberAnotherId()
    {
        Assert.Equal(OrderEvent.IdFor("o1", 1, OrderStatus.Failed), OrderEvent.IdFor("o1", 1, OrderStatus.Failed));
        Assert.NotEqual(
            OrderEvent.IdFor("o1", 1, OrderStatus.NeedsReview),
            OrderEvent.IdFor("o1", 3, OrderStatus.NeedsReview)
        );
    }

    [Theory]
    [InlineData(OrderKind.Payment, OrderStatus.Succeeded, "order.succeeded")]
    [InlineData(OrderKind.Payment, OrderStatus.NeedsReview, "order.needs_review")]
    [InlineData(OrderKind.Refund, OrderStatus.Failed, "refund.failed")]
    [InlineData(OrderKind.Subscription, OrderStatus.Active, "subscription.active")]
    [InlineData(OrderKind.Subscription, OrderStatus.Canceled, "subscription.canceled")]
    [InlineData(OrderKind.SubscriptionCharge, OrderStatus.Succeeded, "subscription_charge.succeeded")]
    public void TypeOf_KindAndState_DottedLowercaseName(OrderKind kind, OrderStatus status, string type) =>
        Assert.Equal(type, OrderEvent.TypeOf(kind, status));

    [Theory]
    [InlineData(OrderKind.Payment, OrderStatus.Created, false)]
    [InlineData(OrderKind.Payment, OrderStatus.Pending, false)]
    [InlineData(OrderKind.Payment, OrderStatus.Unknown, false)]
    [InlineData(OrderKind.Payment, OrderStatus.Active, false)]
    [InlineData(OrderKind.Payment, OrderStatus.Rejected, true)]
    [InlineData(OrderKind.Payment, OrderStatus.Expired, true)]
    [InlineData(OrderKind.Subscription, OrderStatus.Active, true)]
    public void IsNotable_FinalFlaggedExpiredOrActiveSubscription(OrderKind kind, OrderStatus status, bool notable) =>
        Assert.Equal(notable, OrderEvent.IsNotable(kind, status));
}
