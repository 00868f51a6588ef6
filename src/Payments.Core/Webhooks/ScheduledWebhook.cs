using Payments.Core.Orders;

namespace Payments.Core.Webhooks;

/// <summary>
/// A due entry of the outbox: event <paramref name="EventId"/> of order <paramref name="OrderId"/>, due at
/// <paramref name="DueAt"/>, with its delivery so far (null before the first attempt) and, before the first attempt,
/// the body scheduled with the event (null when it was scheduled without one).
/// </summary>
public sealed record ScheduledWebhook(
    string OrderId,
    string EventId,
    DateTimeOffset DueAt,
    Versioned<WebhookDelivery>? Delivery,
    string? Body = null
);
