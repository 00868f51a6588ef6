using Payments.Core.Orders;

namespace Payments.Core.Operations;

/// <summary>
/// Which orders an operator must see, and since when: the rule every order store lists by. An order in NeedsReview, or
/// a final one flagged for a person until an operator acknowledges it (<see
/// cref="PaymentOrder.AwaitsAcknowledgement"/>), is listed under <see cref="AttentionCategory.NeedsReview"/> (and under
/// its reason); one still Created or Unknown (never accepted by the provider) under <see
/// cref="AttentionCategory.Stale"/>, by when it was created.
/// </summary>
public static class OrderAttention
{
    public static bool NeedsReview(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status == OrderStatus.NeedsReview || order.AwaitsAcknowledgement;
    }

    public static bool IsOpen(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status is OrderStatus.Created or OrderStatus.Unknown;
    }

    /// <summary>
    /// When the order started needing a person: entering NeedsReview always raises its needs_review event, which stays
    /// its last event while it waits (a status change is what raises the next one). A final order flagged for a person
    /// is keyed by the event of its final state (a late success raises it), or when it completed: values later writes
    /// (a refund claim, the flag of a contradiction) leave as they are.
    /// </summary>
    public static DateTimeOffset ReviewSince(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.LastEvent is { } raised && raised.Status == order.Status ? raised.OccurredAt
            : order.Status == OrderStatus.NeedsReview ? order.UpdatedAt
            : order.CompletedAt ?? order.UpdatedAt;
    }

    /// <summary>When the order started waiting: for a person, or (Created, Unknown) since it was created.</summary>
    public static DateTimeOffset Since(PaymentOrder order) => NeedsReview(order) ? ReviewSince(order) : order.CreatedAt;

    /// <summary>What a listing shows of <paramref name="order"/>.</summary>
    public static AttentionItem Item(AttentionCategory category, PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new AttentionItem(
            category,
            order.Id,
            order.Provider,
            order.Status.ToString(),
            order.ReviewReason?.Name(),
            Since(order),
            order.Amount,
            order.Currency,
            order.LastError
        );
    }
}
