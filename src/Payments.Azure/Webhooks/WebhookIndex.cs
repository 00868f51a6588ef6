using System.Globalization;
using Azure.Data.Tables;
using Payments.Azure.Tables;

namespace Payments.Azure.Webhooks;

/// <summary>
/// Rows of the <c>webhooks</c> table: the due index (<see cref="TimeIndex"/> rows in partitions <c>due-{shard}</c>, the
/// event id as a property) and disabled endpoints (partition <c>endpoint</c>, RowKey the SHA-256 of the URL).
/// Delivery records live beside their order: the order's partition, RowKey <c>webhook-{event id}</c>.
/// </summary>
internal static class WebhookIndex
{
    public const int Shards = 16;
    public const string EndpointPartition = "endpoint";
    public const string DeliveryPrefix = "webhook-";

    public static string Partition(int shard) => $"due-{shard.ToString("D2", CultureInfo.InvariantCulture)}";

    public static TableEntity Entry(string orderId, string eventId, DateTimeOffset dueAt) =>
        new(Partition(TimeIndex.Shard(orderId, Shards)), TimeIndex.RowKey(dueAt.UtcTicks, orderId)) { ["EventId"] = eventId };
}
