using System.Security.Cryptography;
using System.Text;

namespace Payments.Core.Orders;

/// <summary>
/// Something a merchant is told about: an order, refund, subscription or charge reached a final, expired, flagged
/// or (subscription) active state. Raised by the aggregate in the same write as the state change; its id is
/// derived from the order and the state, so each state is one event however often it is re-applied.
/// </summary>
public sealed record OrderEvent(string Id, string Type, OrderStatus Status, DateTimeOffset OccurredAt)
{
    /// <summary>
    /// The W3C <c>traceparent</c> of the work that raised the event (a provider callback, a poll), stamped by the store when it
    /// writes the event, so the webhook delivery that reports it joins the same trace; null when none was running.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>The event for the order's current state, or null when that state is not one merchants are told about.</summary>
    public static OrderEvent? For(PaymentOrder order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return IsNotable(order.Kind, order.Status) ? new OrderEvent(IdFor(order.Id, order.Status), TypeOf(order.Kind, order.Status), order.Status, now) : null;
    }

    public static bool IsNotable(OrderKind kind, OrderStatus status) =>
        status.IsFinal() || status is OrderStatus.NeedsReview or OrderStatus.Expired || (kind == OrderKind.Subscription && status == OrderStatus.Active);

    /// <summary><c>evt_</c> and 32 hex digits of SHA-256 over the order id and state.</summary>
    public static string IdFor(string orderId, OrderStatus status) =>
        "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{orderId}\n{status}")))[..32];

    /// <summary><c>order.succeeded</c>, <c>refund.failed</c>, <c>subscription.canceled</c>, <c>subscription_charge.needs_review</c>, ...</summary>
    public static string TypeOf(OrderKind kind, OrderStatus status)
    {
        var subject = kind switch
        {
            OrderKind.Refund => "refund",
            OrderKind.Subscription => "subscription",
            OrderKind.SubscriptionCharge => "subscription_charge",
            _ => "order",
        };
        var state = status == OrderStatus.NeedsReview ? "needs_review" : status.ToString().ToLowerInvariant();
        return $"{subject}.{state}";
    }
}
