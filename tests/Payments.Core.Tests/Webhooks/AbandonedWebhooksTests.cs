using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.Testing.InMemory;

namespace Payments.Core.Tests.Webhooks;

/// <summary>
/// The abandoned deliveries operators see: the outbox's abandoned index joined with the orders, an event the order has
/// moved on from dropped from the index (in-memory stores, proven against the tables by the storage contract).
/// </summary>
public sealed class AbandonedWebhooksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryOrderRepository orders = new();
    private readonly InMemoryWebhookOutbox outbox = new();

    [Fact]
    public async Task List_EventStillTheOrdersLast_ListedWithItsType()
    {
        var order = await NeedsReviewAsync("o1");
        await AbandonAsync("o1", order.LastEvent!.Id);

        var page = await new AbandonedWebhooks(outbox, orders).ListAsync(10, null, default);

        var item = Assert.Single(page.Items);
        Assert.Equal(("o1", order.LastEvent.Id, "order.needs_review"), (item.OrderId, item.EventId, item.Type));
        Assert.Equal((8, "HTTP 500", Now.AddHours(1)), (item.Attempts, item.LastError, item.AbandonedAt));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task List_OrderMovedOn_NotListedAndDroppedFromTheIndex()
    {
        var order = await NeedsReviewAsync("o1");
        await AbandonAsync("o1", order.LastEvent!.Id);
        var stored = (await orders.FindAsync("o1", default))!;
        var resolved = stored.Value.Resolve(OrderStatus.Failed, null, Now.AddHours(2)).Order;
        Assert.NotNull(await orders.TryReplaceAsync(stored, resolved, default));

        var page = await new AbandonedWebhooks(outbox, orders).ListAsync(10, null, default);

        Assert.Empty(page.Items);
        Assert.Empty((await outbox.ListAbandonedAsync(10, null, default)).Items);
    }

    private async Task<PaymentOrder> NeedsReviewAsync(string id)
    {
        var review = PaymentOrder
            .Create(new NewOrder(id, PaymentProvider.HaiPay, "fp", null), Now)
            .Accept("ref", null, null, Now)
            .Then(o => o.GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddMinutes(1)))
            .Order;
        return (await orders.AddAsync(review, default)).Order.Value;
    }

    private async Task AbandonAsync(string orderId, string eventId)
    {
        var delivery = WebhookDelivery.Start(eventId, Now) with { Attempts = 8, LastStatusCode = 500 };
        var abandoned = delivery.Abandon("HTTP 500", Now.AddHours(1));
        Assert.NotNull(await outbox.TrySaveAsync(orderId, abandoned, null, default));
    }
}
