using Payments.Core.Orders;

namespace Payments.Core.Webhooks;

/// <summary>
/// An event due for an attempt: the order as read (its LastEvent is the event), the delivery so far, if any, and the
/// body scheduled with the event (what the first attempt's delivery record keeps).
/// </summary>
public sealed record DueWebhook(PaymentOrder Order, Versioned<WebhookDelivery>? Delivery, string? ScheduledBody = null)
{
    public OrderEvent Event => Order.LastEvent!;

    public WebhookDelivery Current =>
        Delivery?.Value ?? WebhookDelivery.Start(Event.Id, Event.OccurredAt, ScheduledBody);
}
