using Payments.Core.Orders;

namespace Payments.Core.Webhooks;

/// <summary>
/// The abandoned deliveries operators list: a page of the outbox's abandoned index joined with the orders (one read
/// each). An event its order has moved on from is never replayed (the merchant is told about the later one), so it is
/// dropped from the index rather than listed for ever; an event still its order's last is listed with that event's
/// type.
/// </summary>
public sealed class AbandonedWebhooks(IWebhookOutbox outbox, IOrderRepository orders)
{
    public async Task<AbandonedWebhookPage> ListAsync(int limit, string? after, CancellationToken cancellationToken)
    {
        var page = await outbox.ListAbandonedAsync(limit, after, cancellationToken);
        var items = new List<AbandonedWebhook>(page.Items.Count);
        foreach (var abandoned in page.Items)
        {
            var delivery = abandoned.Delivery;
            var raised = (await orders.FindAsync(abandoned.OrderId, cancellationToken))?.Value.LastEvent;
            if (raised is not null && raised.Id == delivery.EventId && delivery.FinishedAt is { } at)
            {
                items.Add(
                    new AbandonedWebhook(
                        abandoned.OrderId,
                        delivery.EventId,
                        raised.Type,
                        delivery.Attempts,
                        delivery.LastError,
                        at
                    )
                );
            }
            else
            {
                await outbox.ForgetAbandonedAsync(abandoned, cancellationToken);
            }
        }

        return new AbandonedWebhookPage(items, page.Continuation);
    }
}
