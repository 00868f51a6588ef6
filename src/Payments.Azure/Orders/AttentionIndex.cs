using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Operations;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>
/// Rows of the <c>attention</c> table, what operators list. For orders, <see cref="TimeIndex"/> rows (time the order started
/// waiting, then its id) in partitions <c>needs-review</c> (every reason; NeedsReview orders and final orders flagged for a
/// person until an operator acknowledges them), <c>needs-review.{encoded reason}</c> and
/// <c>stale</c> (Created or Unknown, keyed by creation). They are written before the order (so an order never needs a
/// person without its row) and the rows the previous state had are deleted after it; the order row is the truth, a row that
/// no longer matches its order is dropped when read. Provider messages (partitions <c>unmatched-callbacks</c>,
/// <c>unverified-callbacks</c>) and abandoned webhooks (<c>abandoned-webhooks</c>) have rows of their own.
/// </summary>
internal static class AttentionIndex
{
    public const string NeedsReviewPartition = "needs-review";
    public const string StalePartition = "stale";
    public const string UnmatchedPartition = "unmatched-callbacks";
    public const string UnverifiedPartition = "unverified-callbacks";
    public const string AbandonedWebhooksPartition = "abandoned-webhooks";

    public static string ReviewPartition(string? reason) =>
        reason is null ? NeedsReviewPartition : $"{NeedsReviewPartition}.{TableKeys.Encode(reason)}";

    /// <summary>The rows <paramref name="order"/> has in its current state (none when nothing needs a person).</summary>
    public static IReadOnlyList<TableEntity> Entries(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        switch (order.Status)
        {
            case OrderStatus.NeedsReview:
            case var _ when order.AwaitsAcknowledgement:
                var key = TimeIndex.RowKey(ReviewSince(order).UtcTicks, order.Id);
                return order.ReviewReason is { } reason
                    ? [new TableEntity(NeedsReviewPartition, key), new TableEntity(ReviewPartition(reason), key)]
                    : [new TableEntity(NeedsReviewPartition, key)];
            case OrderStatus.Created or OrderStatus.Unknown:
                return [new TableEntity(StalePartition, TimeIndex.RowKey(order.CreatedAt.UtcTicks, order.Id))];
            default:
                return [];
        }
    }

    /// <summary>Whether an order row read for an index row in <paramref name="partition"/> still has that row.</summary>
    public static bool Holds(PaymentOrder? order, string partition, string rowKey) =>
        order is not null && Entries(order).Any(e => e.PartitionKey == partition && e.RowKey == rowKey);

    /// <summary>
    /// When the order started needing a person: entering NeedsReview always raises its needs_review event, which stays its
    /// last event while it waits (a status change is what raises the next one). A final order flagged for a person
    /// (<see cref="PaymentOrder.AwaitsAcknowledgement"/>) is keyed by the event of its final state (a late success raises
    /// it), or when it completed: values later writes (a refund claim, the flag of a contradiction) leave as they are.
    /// </summary>
    public static DateTimeOffset ReviewSince(PaymentOrder order) => order.LastEvent is { } raised && raised.Status == order.Status
        ? raised.OccurredAt
        : order.Status == OrderStatus.NeedsReview ? order.UpdatedAt : order.CompletedAt ?? order.UpdatedAt;

    public static DateTimeOffset Since(PaymentOrder order) =>
        order.Status == OrderStatus.NeedsReview || order.AwaitsAcknowledgement ? ReviewSince(order) : order.CreatedAt;

    /// <summary>Keys of provider messages: newest first (the ticks inverted), then a fresh id.</summary>
    public static string MessageRowKey(DateTimeOffset at) =>
        TimeIndex.RowKey(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks, Guid.NewGuid().ToString("N"));

    public static DateTimeOffset MessageTime(string rowKey) =>
        new(DateTimeOffset.MaxValue.UtcTicks - TimeIndex.Parse(rowKey).DueTicks, TimeSpan.Zero);

    /// <summary>An abandoned delivery: by the time it was abandoned, then order and event id.</summary>
    public static string AbandonedRowKey(string orderId, string eventId, DateTimeOffset abandonedAt) =>
        TimeIndex.RowKey(abandonedAt.UtcTicks, $"{orderId}\n{eventId}");

    public static (string OrderId, string EventId) ParseAbandoned(string rowKey)
    {
        var id = TimeIndex.Parse(rowKey).Id;
        var cut = id.LastIndexOf('\n');
        return (id[..cut], id[(cut + 1)..]);
    }

    public static string Partition(AttentionCategory category, string? reason) => category switch
    {
        AttentionCategory.NeedsReview => ReviewPartition(reason),
        AttentionCategory.Stale => StalePartition,
        AttentionCategory.UnmatchedCallbacks => UnmatchedPartition,
        _ => UnverifiedPartition,
    };
}
