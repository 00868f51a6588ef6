using Payments.Core.Orders;

namespace Payments.Core.Webhooks;

/// <summary>
/// Writes the body of the notification that reports an order's last event (UTF-8 JSON text), when the event is
/// raised: every attempt at it sends those bytes.
/// </summary>
public interface IWebhookBodyWriter
{
    string Write(PaymentOrder order);
}
