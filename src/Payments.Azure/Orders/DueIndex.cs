using System.Globalization;
using System.Text;
using Payments.Azure.Tables;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>
/// The due-check index: one row per (order, due time) in a partition <c>{provider}-{shard}</c>, RowKey
/// <c>{dueTicks:D19}-{encoded id}</c>, so "due now" is a RowKey range query inside a few partitions,
/// never a table scan. The order row is the truth: an index row whose time no longer matches the order's
/// NextCheckAt is stale and is deleted when it is read.
/// </summary>
internal static class DueIndex
{
    public const int Shards = 16;

    public static string Partition(PaymentProvider provider, int shard) =>
        $"{provider.ToString().ToLowerInvariant()}-{shard.ToString("D2", CultureInfo.InvariantCulture)}";

    public static TableEntity Entry(PaymentOrder order, DateTimeOffset dueAt) =>
        new(Partition(order.Provider, Shard(order.Id)), RowKey(dueAt.UtcTicks, order.Id));

    public static string RowKey(long dueTicks, string orderId) =>
        $"{dueTicks.ToString("D19", CultureInfo.InvariantCulture)}-{TableKeys.Encode(orderId)}";

    public static (long DueTicks, string OrderId) Parse(string rowKey) =>
        (long.Parse(rowKey.AsSpan(0, 19), CultureInfo.InvariantCulture), TableKeys.Decode(rowKey[20..]));

    /// <summary>FNV-1a over the UTF-8 bytes: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static int Shard(string orderId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(orderId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % Shards);
    }
}
