using System.Text;
using Payments.Core.Orders;
using Payments.Core.Webhooks;

namespace Payments.Http.Webhooks;

/// <summary>
/// The notification body written when an event is raised: <see cref="WebhookMessage"/> as UTF-8 text.
/// </summary>
public sealed class WebhookBodyWriter : IWebhookBodyWriter
{
    public string Write(PaymentOrder order) => Encoding.UTF8.GetString(WebhookMessage.Serialize(order));
}
