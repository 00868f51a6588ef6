using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Operations;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>
/// Rows of the <c>attention</c> table, what operators list. The order store owns the orders' rows:
/// <see cref="TimeIndex"/> rows (time the order started waiting, then its id; <see cref="OrderAttention"/> says which
/// orders and since when) in partitions <c>needs-review</c> (every reason), <c>needs-review.{encoded reason}</c> and
/// <c>stale</c> (Created or Unknown, keyed by creation). They are written before the order (so an order never needs a
/// person without its row); the <c>stale</c> row the previous state had is deleted after it, rows for a person are
/// left to the listing. The order row is the truth: a row that no longer matches its order is dropped when read. The
/// audit log owns the provider messages' rows (partitions
/// <c>unmatched-callbacks</c>, <c>unverified-callbacks</c>), the reconciliation log its differences'
/// (<c>reconciliation</c>).
/// </summary>
internal static class AttentionIndex
{
    public const string NeedsReviewPartition = "needs-review";
    public const string StalePartition = "stale";
    public const string UnmatchedPartition = "unmatched-callbacks";
    public const string UnverifiedPartition = "unverified-callbacks";
    public const string ReconciliationPartition = "reconciliation";

    public static string ReviewPartition(string? reason) =>
        reason is null ? NeedsReviewPartition : $"{NeedsReviewPartition}.{TableKeys.Encode(reason)}";

    /// <summary>
    /// The rows <paramref name="order"/> has in its current state (none when nothing needs a person).
    /// </summary>
    public static IReadOnlyList<TableEntity> Entries(PaymentOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (OrderAttention.NeedsReview(order))
        {
            var key = TimeIndex.RowKey(OrderAttention.ReviewSince(order).UtcTicks, order.Id);
            return order.ReviewReason is { } reason
                ? [Row(NeedsReviewPartition, key, order), Row(ReviewPartition(reason.Name()), key, order)]
                : [Row(NeedsReviewPartition, key, order)];
        }

        return OrderAttention.IsOpen(order)
            ? [Row(StalePartition, TimeIndex.RowKey(order.CreatedAt.UtcTicks, order.Id), order)]
            : [];
    }

    /// <summary>
    /// The column holding the business time of the write that made the row (<see cref="WriteInFlight"/>).
    /// </summary>
    public const string WrittenAt = "WrittenAt";

    private static TableEntity Row(string partition, string key, PaymentOrder order) =>
        new(partition, key) { [WrittenAt] = order.UpdatedAt };

    /// <summary>
    /// Whether an order row read for an index row in <paramref name="partition"/> still has that row.
    /// </summary>
    public static bool Holds(PaymentOrder? order, string partition, string rowKey) =>
        order is not null && Entries(order).Any(e => e.PartitionKey == partition && e.RowKey == rowKey);

    /// <summary>Keys of provider messages: newest first (the ticks inverted), then a fresh id.</summary>
    public static string MessageRowKey(DateTimeOffset at) =>
        TimeIndex.RowKey(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks, Guid.NewGuid().ToString("N"));

    public static DateTimeOffset MessageTime(string rowKey) =>
        new(DateTimeOffset.MaxValue.UtcTicks - TimeIndex.Parse(rowKey).DueTicks, TimeSpan.Zero);

    public static string Partition(AttentionCategory category, string? reason) =>
        category switch
        {
            AttentionCategory.NeedsReview => ReviewPartition(reason),
            AttentionCategory.Stale => StalePartition,
            AttentionCategory.UnmatchedCallbacks => UnmatchedPartition,
            AttentionCategory.Reconciliation => ReconciliationPartition,
            _ => UnverifiedPartition,
        };
}
