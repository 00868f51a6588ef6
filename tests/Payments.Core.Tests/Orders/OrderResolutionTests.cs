using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Text;

namespace Payments.Core.Tests.Orders;

/// <summary>
/// An operator's decision (<see cref="PaymentOrder.Resolve"/>): only an order waiting for a person moves, final states
/// never regress.
/// </summary>
public sealed class OrderResolutionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static PaymentOrder Pending() =>
        PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", Now.AddMinutes(1), 10m, "USD"), Now)
            .Accept("ref", TestLinks.Of("https://pay"), Now.AddMinutes(1), Now)
            .Order;

    private static PaymentOrder NeedsReview() =>
        Pending().GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddDays(3)).Order;

    [Theory]
    [InlineData(OrderStatus.Succeeded, "order.succeeded")]
    [InlineData(OrderStatus.Failed, "order.failed")]
    public void Resolve_NeedsReview_FinalUnflaggedWithItsEvent(OrderStatus decision, string type)
    {
        var at = Now.AddDays(4);

        var transition = NeedsReview().Resolve(decision, ProviderText.Of("2"), at);

        Assert.Equal(TransitionKind.Changed, transition.Kind);
        var order = transition.Order;
        Assert.Equal(
            (decision, null, "2", at, (DateTimeOffset?)null),
            (order.Status, order.ReviewReason, order.ProviderStatus?.Value, order.CompletedAt!.Value, order.NextCheckAt)
        );
        Assert.Equal((type, at), (order.LastEvent!.Type, order.LastEvent.OccurredAt));
        Assert.True(order.HasNewEvent);
    }

    [Fact]
    public void Resolve_NoProviderStatus_KeepsTheLastOneReceived()
    {
        var flagged = NeedsReview() with { ProviderStatus = ProviderText.Of("4") };

        Assert.Equal("4", flagged.Resolve(OrderStatus.Failed, null, Now).Order.ProviderStatus);
    }

    [Theory]
    [InlineData(OrderStatus.Succeeded)]
    [InlineData(OrderStatus.Failed)]
    public void Resolve_FinalOrOpenOrder_ConflictUnchanged(OrderStatus decision)
    {
        var succeeded = NeedsReview().Resolve(OrderStatus.Succeeded, null, Now).Order;
        var failed = NeedsReview().Resolve(OrderStatus.Failed, null, Now).Order;

        foreach (var order in new[] { succeeded, failed, Pending(), Pending().Expire(Now).Order })
        {
            var transition = order.Resolve(decision, null, Now.AddDays(9));
            Assert.Equal((TransitionKind.Conflict, order), (transition.Kind, transition.Order));
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.NeedsReview)]
    public void Resolve_DecisionNotSucceededOrFailed_Refused(OrderStatus decision)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NeedsReview().Resolve(decision, null, Now));
    }

    [Fact]
    public void ResolveAsProviderAnswered_AgreeingSuccess_ReceivedAmountRecordedLikeThePoller()
    {
        var at = Now.AddDays(4);

        var order = NeedsReview()
            .ResolveAsProviderAnswered(
                OrderStatus.Succeeded,
                new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), null, ReceivedAmount: 10m),
                at
            )
            .Order;

        Assert.Equal(
            (OrderStatus.Succeeded, "2", 10m, (decimal?)10m, (ReviewReason?)null),
            (order.Status, order.ProviderStatus, order.Amount!.Value, order.ReceivedAmount, order.ReviewReason)
        );
        Assert.Equal(("order.succeeded", at), (order.LastEvent!.Type, order.UpdatedAt));
    }

    [Theory]
    [InlineData(OrderStatus.Succeeded, ReviewReason.AmountMismatch)]
    [InlineData(OrderStatus.Pending, ReviewReason.PartialCollection)]
    [InlineData(OrderStatus.Failed, null)]
    public void ResolveAsProviderAnswered_AnswerFlaggedOrDisagreeing_ConflictNothingChanged(
        OrderStatus outcome,
        ReviewReason? reason
    )
    {
        var before = NeedsReview();

        var transition = before.ResolveAsProviderAnswered(
            OrderStatus.Succeeded,
            new ProviderVerdict(outcome, ProviderText.Of("2"), null, reason, 99m),
            Now.AddDays(4)
        );

        Assert.Equal((TransitionKind.Conflict, before), (transition.Kind, transition.Order));
    }
}
