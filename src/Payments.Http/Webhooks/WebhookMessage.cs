using System.Text;
using System.Text.Json;
using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.Http.Endpoints;

namespace Payments.Http.Webhooks;

/// <summary>
/// The JSON body of a notification: the event type, when it happened, and the order as <c>GET /api/orders/{id}</c>
/// shows it when the event was raised.
/// </summary>
public sealed record WebhookMessage(string Type, DateTimeOffset Timestamp, OrderView Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var raised = order.LastEvent ?? throw new ArgumentException("The order has raised no event.", nameof(order));
        var message = new WebhookMessage(raised.Type, raised.OccurredAt, OrderView.From(order));
        return JsonSerializer.SerializeToUtf8Bytes(message, Json);
    }

    /// <summary>
    /// The bytes an attempt at <paramref name="delivery"/> sends: the body written when its event was raised, or, for
    /// an event scheduled without one, the order's now.
    /// </summary>
    public static byte[] For(WebhookDelivery delivery, PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.Body is { } body ? Encoding.UTF8.GetBytes(body) : Serialize(order);
    }
}
