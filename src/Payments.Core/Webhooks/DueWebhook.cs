using Payments.Core.Orders;

namespace Payments.Core.Webhooks;

/// <summary>
/// An event due for an attempt: the order as read (its LastEvent is the event) and the delivery so far, if any.
/// </summary>
public sealed record DueWebhook(PaymentOrder Order, Versioned<WebhookDelivery>? Delivery)
{
    public OrderEvent Event => Order.LastEvent!;

    public WebhookDelivery Current => Delivery?.Value ?? WebhookDelivery.Start(Event.Id, Event.OccurredAt);
}
