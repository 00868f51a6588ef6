using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Payments.Core.Orders;

/// <summary>
/// Something a merchant is told about: an order, refund, subscription or charge reached a final, expired, flagged
/// or (subscription) active state. Raised by the aggregate in the same write as the state change, numbered by the
/// order's <see cref="PaymentOrder.EventSequence"/>: each notable transition is one event (a state entered again
/// included), and a repeat that changes nothing raises none.
/// </summary>
public sealed record OrderEvent(string Id, string Type, OrderStatus Status, DateTimeOffset OccurredAt)
{
    /// <summary>
    /// The W3C <c>traceparent</c> of the work that raised the event (a provider callback, a poll), stamped by the store
    /// when it writes the event, so the webhook delivery that reports it joins the same trace; null when none was
    /// running.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// The event numbered <see cref="PaymentOrder.EventSequence"/> for the order's current state, or null when that
    /// state is not one merchants are told about.
    /// </summary>
    public static OrderEvent? For(PaymentOrder order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return IsNotable(order.Kind, order.Status)
            ? new OrderEvent(
                IdFor(order.Id, order.EventSequence, order.Status),
                TypeOf(order.Kind, order.Status),
                order.Status,
                now
            )
            : null;
    }

    public static bool IsNotable(OrderKind kind, OrderStatus status) =>
        status.IsFinal()
        || status is OrderStatus.NeedsReview or OrderStatus.Expired
        || (kind == OrderKind.Subscription && status == OrderStatus.Active);

    /// <summary>
    /// <c>evt_</c> and 32 hex digits of SHA-256 over the order id, state and event number (1 for the order's first
    /// event). An event raised before events were numbered has the id hashed over order id and state alone; it is
    /// stored with the order and read back as stored, never derived again, and no numbered id can equal it (the
    /// hashed text differs in form).
    /// </summary>
    public static string IdFor(string orderId, long sequence, OrderStatus status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var text = string.Create(CultureInfo.InvariantCulture, $"{orderId}\n{status}\n{sequence}");
        return "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>
    /// <c>order.succeeded</c>, <c>refund.failed</c>, <c>subscription.canceled</c>,
    /// <c>subscription_charge.needs_review</c>, ...
    /// </summary>
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
