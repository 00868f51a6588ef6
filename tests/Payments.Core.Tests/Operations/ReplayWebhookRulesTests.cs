using Payments.Core.Operations.WebhookReplays;
using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Webhooks;

namespace Payments.Core.Tests.Operations;

/// <summary>
/// Which abandoned deliveries an operator may replay (<see cref="ReplayWebhookHandler"/>): only an abandoned delivery,
/// and only of the event that is still the order's last.
/// </summary>
public sealed class ReplayWebhookRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Refusal_AbandonedDeliveryOfTheLastEvent_None()
    {
        var order = NeedsReview();

        Assert.Null(ReplayWebhookHandler.Refusal(Abandoned(order.LastEvent!.Id), order));
    }

    [Fact]
    public void Refusal_DeliveryStillPendingOrDelivered_NotAbandonedWithItsState()
    {
        var order = NeedsReview();
        var pending = WebhookDelivery.Start(order.LastEvent!.Id, Now);
        var delivered = pending.Succeed(200, Now);

        Assert.Equal(
            new ReplayWebhookResult.NotAbandoned(WebhookDeliveryState.Pending),
            ReplayWebhookHandler.Refusal(pending, order)
        );
        Assert.Equal(
            new ReplayWebhookResult.NotAbandoned(delivered.State),
            ReplayWebhookHandler.Refusal(delivered, order)
        );
    }

    [Fact]
    public void Refusal_OrderMovedOnToALaterEvent_MovedOn()
    {
        var order = NeedsReview();
        var abandoned = Abandoned(order.LastEvent!.Id);
        var resolved = order.Resolve(OrderStatus.Failed, null, Now.AddDays(4)).Order;

        Assert.IsType<ReplayWebhookResult.OrderMovedOn>(ReplayWebhookHandler.Refusal(abandoned, resolved));
    }

    private static WebhookDelivery Abandoned(string eventId) =>
        (WebhookDelivery.Start(eventId, Now) with { Attempts = 8, LastStatusCode = 500 }).Abandon("HTTP 500", Now);

    private static PaymentOrder NeedsReview() =>
        PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", Now.AddMinutes(1), 12.50m, "USD"), Now)
            .Accept("ref", TestLinks.Of("https://pay"), Now.AddMinutes(1), Now)
            .Order.GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddDays(3))
            .Order;
}
