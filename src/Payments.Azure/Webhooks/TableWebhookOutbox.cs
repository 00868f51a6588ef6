using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Payments.Azure.Orders;
using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Webhooks;

namespace Payments.Azure.Webhooks;

/// <summary>The webhook outbox in Table Storage (see <see cref="WebhookIndex"/> for the rows).</summary>
public sealed partial class TableWebhookOutbox(PaymentTables tables, IOrderRepository orders, ILogger<TableWebhookOutbox> logger) : IWebhookOutbox
{
    private const string What = "Webhook outbox";
    private static readonly string[] EventIdOnly = ["EventId"];

    public async IAsyncEnumerable<DueWebhook> FindDueAsync(DateTimeOffset now, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var found = 0;
        var upper = TimeIndex.UpperBound(now);
        for (var shard = 0; shard < WebhookIndex.Shards && found < max; shard++)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WebhookIndex.Partition(shard)} and RowKey lt {upper}");
            await foreach (var entry in tables.Webhooks.QueryAsync(filter, EventIdOnly, Math.Min(1000, max), cancellationToken))
            {
                if (await CurrentAsync(entry, cancellationToken) is not { } due)
                {
                    continue;
                }

                yield return due;
                if (++found >= max)
                {
                    yield break;
                }
            }
        }
    }

    public async Task<string?> TrySaveAsync(string orderId, WebhookDelivery delivery, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!delivery.IsFinished)
        {
            TableOutcomes.Ensure((await tables.Webhooks.UpsertAsync(WebhookIndex.Entry(orderId, delivery.EventId, delivery.NextAttemptAt), cancellationToken)).Outcome, What);
        }
        else if (delivery is { State: WebhookDeliveryState.Abandoned, FinishedAt: { } abandonedAt })
        {
            await IndexAbandonedAsync(orderId, delivery.EventId, abandonedAt, cancellationToken);
        }

        var entity = ToEntity(orderId, delivery);
        var response = version is null
            ? await tables.Orders.InsertAsync(entity, cancellationToken)
            : await tables.Orders.ReplaceAsync(entity, version, cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => response.ETag,
            TableOutcome.AlreadyExists or TableOutcome.PreconditionFailed or TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task<WebhookDelivery?> FindAsync(string orderId, string eventId, CancellationToken cancellationToken) =>
        (await FindDeliveryAsync(orderId, eventId, cancellationToken))?.Value;

    public async Task<bool> IsDisabledAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var response = await tables.Webhooks.GetAsync(WebhookIndex.EndpointPartition, EndpointKey(endpoint), cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => true,
            TableOutcome.NotFound => false,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task DisableAsync(Uri endpoint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = new TableEntity(WebhookIndex.EndpointPartition, EndpointKey(endpoint)) { ["DisabledAt"] = at };
        TableOutcomes.Ensure((await tables.Webhooks.UpsertAsync(row, cancellationToken)).Outcome, What);
    }

    public async Task<DateTimeOffset?> DisabledAtAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var response = await tables.Webhooks.GetAsync(WebhookIndex.EndpointPartition, EndpointKey(endpoint), cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => response.Entity!.GetDateTimeOffset("DisabledAt") ?? DateTimeOffset.MinValue,
            TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task<bool> EnableAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        if (await DisabledAtAsync(endpoint, cancellationToken) is null)
        {
            return false;
        }

        var outcome = await tables.Webhooks.DeleteAsync(WebhookIndex.EndpointPartition, EndpointKey(endpoint), "*", cancellationToken);
        if (outcome is not (TableOutcome.Success or TableOutcome.NotFound))
        {
            throw TableOutcomes.Unavailable(outcome, What);
        }

        return true;
    }

    public Task<Versioned<WebhookDelivery>?> FindVersionedAsync(string orderId, string eventId, CancellationToken cancellationToken) =>
        FindDeliveryAsync(orderId, eventId, cancellationToken);

    public async Task<AbandonedWebhookPage> ListAbandonedAsync(int limit, string? after, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 999);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AttentionIndex.AbandonedWebhooksPartition} and RowKey gt {after ?? string.Empty}");
        var rows = new List<TableEntity>(limit + 1);
        await foreach (var row in tables.Attention.QueryAsync(filter, null, limit + 1, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > limit)
            {
                break;
            }
        }

        var read = rows.Take(limit).ToList();
        var items = new List<AbandonedWebhook>(read.Count);
        foreach (var row in read)
        {
            var (orderId, eventId) = AttentionIndex.ParseAbandoned(row.RowKey);
            var delivery = (await FindDeliveryAsync(orderId, eventId, cancellationToken))?.Value;
            if (delivery is { State: WebhookDeliveryState.Abandoned, FinishedAt: { } at } && AttentionIndex.AbandonedRowKey(orderId, eventId, at) == row.RowKey
                && await IsLastEventAsync(orderId, eventId, cancellationToken))
            {
                items.Add(new AbandonedWebhook(orderId, eventId, row.GetString("Type"), delivery.Attempts, delivery.LastError, at));
            }
            else
            {
                await tables.Attention.DeleteAsync(row.PartitionKey, row.RowKey, "*", cancellationToken);
            }
        }

        return new AbandonedWebhookPage(items, rows.Count > limit ? Continuation.Encode(read[^1].RowKey) : null);
    }

    /// <summary>
    /// Whether the event is still the order's last: one the order has moved on from is not replayed (the merchant is told about
    /// the later one), so its abandoned row is dropped rather than listed for ever.
    /// </summary>
    private async Task<bool> IsLastEventAsync(string orderId, string eventId, CancellationToken cancellationToken) =>
        (await orders.FindAsync(orderId, cancellationToken))?.Value.LastEvent?.Id == eventId;

    public async Task<string?> TryReplayAsync(string orderId, Versioned<WebhookDelivery> abandoned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        var version = await TrySaveAsync(orderId, abandoned.Value.Replay(now), abandoned.Version, cancellationToken);
        if (version is not null && abandoned.Value.FinishedAt is { } at)
        {
            // Left behind by a crash here, the row is dropped by the next listing (the delivery is no longer abandoned).
            await tables.Attention.DeleteAsync(AttentionIndex.AbandonedWebhooksPartition, AttentionIndex.AbandonedRowKey(orderId, abandoned.Value.EventId, at), "*", cancellationToken);
        }

        return version;
    }

    /// <summary>
    /// The abandoned index row, written before the delivery record (a row whose record write then fails is dropped when
    /// listed), with the event's type read from the order when it is still the order's last event.
    /// </summary>
    private async Task IndexAbandonedAsync(string orderId, string eventId, DateTimeOffset abandonedAt, CancellationToken cancellationToken)
    {
        var order = (await orders.FindAsync(orderId, cancellationToken))?.Value;
        var row = new TableEntity(AttentionIndex.AbandonedWebhooksPartition, AttentionIndex.AbandonedRowKey(orderId, eventId, abandonedAt))
        {
            ["Type"] = order?.LastEvent is { } raised && raised.Id == eventId ? raised.Type : null,
        };
        TableOutcomes.Ensure((await tables.Attention.UpsertAsync(row, cancellationToken)).Outcome, What);
    }

    /// <summary>
    /// The delivery a due entry stands for, if it still holds (a stale entry is deleted). One whose storage calls fail is
    /// skipped, its entry kept for the next run, so one order cannot stop the run for the others.
    /// </summary>
    private async Task<DueWebhook?> CurrentAsync(TableEntity entry, CancellationToken cancellationToken)
    {
        try
        {
            if (await ValidateAsync(entry, cancellationToken) is { } due)
            {
                return due;
            }

            await tables.Webhooks.DeleteAsync(entry.PartitionKey, entry.RowKey, "*", cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            LogDueSkipped(logger, entry.RowKey, e.Message);
        }

        return null;
    }

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Due webhook {Entry} skipped this run: {Reason}")]
    private static partial void LogDueSkipped(ILogger logger, string entry, string reason);

    /// <summary>The due entry still holds: the order's last event is this one and its delivery is pending at this time.</summary>
    private async Task<DueWebhook?> ValidateAsync(TableEntity entry, CancellationToken cancellationToken)
    {
        var (dueTicks, orderId) = TimeIndex.Parse(entry.RowKey);
        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order?.Value.LastEvent is not { } raised || raised.Id != entry.GetString("EventId"))
        {
            return null;
        }

        var delivery = await FindDeliveryAsync(orderId, raised.Id, cancellationToken);
        var due = new DueWebhook(order.Value, delivery);
        return !due.Current.IsFinished && due.Current.NextAttemptAt.UtcTicks == dueTicks ? due : null;
    }

    private async Task<Versioned<WebhookDelivery>?> FindDeliveryAsync(string orderId, string eventId, CancellationToken cancellationToken)
    {
        var response = await tables.Orders.GetAsync(OrderEntityMapper.PartitionKey(orderId), WebhookIndex.DeliveryPrefix + eventId, cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => new Versioned<WebhookDelivery>(FromEntity(eventId, response.Entity!), response.ETag!),
            TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    private static TableEntity ToEntity(string orderId, WebhookDelivery delivery) =>
        new(OrderEntityMapper.PartitionKey(orderId), WebhookIndex.DeliveryPrefix + delivery.EventId)
        {
            ["State"] = delivery.State.ToString(),
            ["Attempts"] = delivery.Attempts,
            ["NextAttemptAt"] = delivery.NextAttemptAt,
            ["LastStatusCode"] = delivery.LastStatusCode,
            ["LastError"] = delivery.LastError,
            ["FinishedAt"] = delivery.FinishedAt,
        };

    private static WebhookDelivery FromEntity(string eventId, TableEntity entity) => new(
        eventId,
        Enum.Parse<WebhookDeliveryState>(entity.GetString("State")!),
        (int)(entity.GetNumber("Attempts") ?? 0),
        entity.GetDateTimeOffset("NextAttemptAt")!.Value,
        entity.GetNumber("LastStatusCode") is { } code ? (int)code : null,
        entity.GetString("LastError"),
        entity.GetDateTimeOffset("FinishedAt"));

    private static string EndpointKey(Uri endpoint) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.AbsoluteUri)));
}
