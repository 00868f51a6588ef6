using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Orders;

namespace Payments.Azure.Webhooks;

/// <summary>
/// Rows of the <c>webhooks</c> table, the outbox's own: the due index (<see cref="TimeIndex"/> rows in partitions
/// <c>due-{shard}</c>, the event id as a property, and the body scheduled with the event on the row that makes it
/// due first), one delivery record per event (its body kept from the first attempt on), (partition <c>o-{encoded order
/// id}</c>, RowKey the encoded event id), the abandoned index (partition <c>abandoned</c>, by the time of the
/// abandonment) and disabled endpoints (partition <c>endpoint</c>, RowKey the SHA-256 of the URL).
/// </summary>
internal static class WebhookIndex
{
    public const int Shards = 16;
    public const string EndpointPartition = "endpoint";
    public const string AbandonedPartition = "abandoned";
    public const string EventIdColumn = "EventId";
    public const string BodyColumn = "Body";

    /// <summary>
    /// The longest body a row keeps: a Table string property holds 64 KiB of UTF-16. A notification is a few KiB (its
    /// provider texts are cut at 1,024 characters each); one longer is kept by none and written when sent.
    /// </summary>
    public const int MaxBodyChars = 32 * 1024;

    public static string DuePartition(int shard) => $"due-{shard.ToString("D2", CultureInfo.InvariantCulture)}";

    public static TableEntity Due(string orderId, string eventId, DateTimeOffset dueAt, string? body = null) =>
        new(DuePartition(TimeIndex.Shard(orderId, Shards)), TimeIndex.RowKey(dueAt.UtcTicks, orderId))
        {
            [EventIdColumn] = eventId,
            [BodyColumn] = Kept(body),
        };

    /// <summary>The row that makes a raised event due at its own time, with the body scheduled with it.</summary>
    public static TableEntity Scheduled(string orderId, OrderEvent raised, string? body)
    {
        ArgumentNullException.ThrowIfNull(raised);
        return Due(orderId, raised.Id, raised.OccurredAt, body);
    }

    /// <summary>The body as a row keeps it: null when there is none or it exceeds <see cref="MaxBodyChars"/>.</summary>
    public static string? Kept(string? body) => body is { Length: <= MaxBodyChars } ? body : null;

    /// <summary>
    /// The partition of an order's delivery records (prefixed: no order id can name another partition).
    /// </summary>
    public static string DeliveryPartition(string orderId) => "o-" + TableKeys.Encode(orderId);

    public static string DeliveryRowKey(string eventId) => TableKeys.Encode(eventId);

    /// <summary>An abandoned delivery: by the time it was abandoned, then order and event id.</summary>
    public static string AbandonedRowKey(string orderId, string eventId, DateTimeOffset abandonedAt) =>
        TimeIndex.RowKey(abandonedAt.UtcTicks, $"{orderId}\n{eventId}");

    public static (string OrderId, string EventId) ParseAbandoned(string rowKey)
    {
        var id = TimeIndex.Parse(rowKey).Id;
        var cut = id.LastIndexOf('\n');
        return (id[..cut], id[(cut + 1)..]);
    }

    public static string EndpointKey(Uri endpoint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.AbsoluteUri)));
}
