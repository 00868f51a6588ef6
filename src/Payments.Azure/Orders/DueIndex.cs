using System.Globalization;
using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>
/// The due-check index: one <see cref="TimeIndex"/> row per (order, due time) in a partition <c>{provider}-{shard}</c>.
/// The order row is the truth: an index row whose time no longer matches the order's NextCheckAt is stale and is
/// deleted when it is read.
/// </summary>
internal static class DueIndex
{
    public const int Shards = 16;

    public static string Partition(PaymentProvider provider, int shard) =>
        $"{provider.ToString().ToLowerInvariant()}-{shard.ToString("D2", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The column holding the business time of the write that made the row (<see cref="WriteInFlight"/>).
    /// </summary>
    public const string WrittenAt = "WrittenAt";

    /// <summary>The row <paramref name="order"/> needs: one at its next check, none when it has none.</summary>
    public static TableEntity? Entry(PaymentOrder? order) =>
        order?.NextCheckAt is { } dueAt
            ? new(
                Partition(order.Provider, TimeIndex.Shard(order.Id, Shards)),
                TimeIndex.RowKey(dueAt.UtcTicks, order.Id)
            )
            {
                [WrittenAt] = order.UpdatedAt,
            }
            : null;
}
