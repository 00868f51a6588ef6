namespace Payments.Core.Webhooks;

/// <summary>An abandoned delivery as the outbox lists it: the order it reports on and the delivery record.</summary>
public sealed record AbandonedDelivery(string OrderId, WebhookDelivery Delivery);
