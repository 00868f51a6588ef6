using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Payments.Azure.Tables;
using Payments.Core;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Webhooks;

namespace Payments.Azure.Webhooks;

/// <summary>
/// The webhook outbox in its own Table Storage table (see <see cref="WebhookIndex"/> for the rows); it reads no other
/// store. Each index row is written before the record it points at and checked against it when read: a row whose
/// record does not hold it (a crash between the two writes, a lost compare-and-swap) is deleted then.
/// </summary>
public sealed partial class TableWebhookOutbox(PaymentTables tables, ILogger<TableWebhookOutbox> logger)
    : IWebhookOutbox
{
    private const string What = "Webhook outbox";
    private static readonly string[] DueColumns = [WebhookIndex.EventIdColumn, WebhookIndex.BodyColumn];

    public Task ScheduleAsync(string orderId, OrderEvent raised, string? body, CancellationToken cancellationToken) =>
        UpsertAsync(WebhookIndex.Scheduled(orderId, raised, body), cancellationToken);

    public async IAsyncEnumerable<ScheduledWebhook> FindDueAsync(
        DateTimeOffset now,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var upper = TimeIndex.UpperBound(now);
        for (var shard = 0; shard < WebhookIndex.Shards; shard++)
        {
            var partition = WebhookIndex.DuePartition(shard);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {upper}");
            var rows = tables.Webhooks.QueryAsync(filter, DueColumns, Math.Min(1000, pageSize), cancellationToken);
            await foreach (var entry in rows)
            {
                if (await CurrentAsync(entry, now, cancellationToken) is { } due)
                {
                    yield return due;
                }
            }
        }
    }

    public async Task ForgetDueAsync(ScheduledWebhook entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = WebhookIndex.Due(entry.OrderId, entry.EventId, entry.DueAt);
        await DropAsync(row.PartitionKey, row.RowKey, cancellationToken);
    }

    public async Task<string?> TrySaveAsync(
        string orderId,
        WebhookDelivery delivery,
        string? version,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!delivery.IsFinished)
        {
            await UpsertAsync(WebhookIndex.Due(orderId, delivery.EventId, delivery.NextAttemptAt), cancellationToken);
        }
        else if (delivery is { State: WebhookDeliveryState.Abandoned, FinishedAt: { } abandonedAt })
        {
            var key = WebhookIndex.AbandonedRowKey(orderId, delivery.EventId, abandonedAt);
            await UpsertAsync(new TableEntity(WebhookIndex.AbandonedPartition, key), cancellationToken);
        }

        var entity = DeliveryRows.ToEntity(orderId, delivery);
        var response = version is null
            ? await tables.Webhooks.InsertAsync(entity, cancellationToken)
            : await tables.Webhooks.ReplaceAsync(entity, version, cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => response.ETag,
            TableOutcome.AlreadyExists or TableOutcome.PreconditionFailed or TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task<WebhookDelivery?> FindAsync(
        string orderId,
        string eventId,
        CancellationToken cancellationToken
    ) => (await FindVersionedAsync(orderId, eventId, cancellationToken))?.Value;

    public async Task<Versioned<WebhookDelivery>?> FindVersionedAsync(
        string orderId,
        string eventId,
        CancellationToken cancellationToken
    )
    {
        var response = await tables.Webhooks.GetAsync(
            WebhookIndex.DeliveryPartition(orderId),
            WebhookIndex.DeliveryRowKey(eventId),
            cancellationToken
        );
        return response.Outcome switch
        {
            TableOutcome.Success => new Versioned<WebhookDelivery>(
                DeliveryRows.FromEntity(eventId, response.Entity!),
                response.ETag!
            ),
            TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task<bool> IsDisabledAsync(Uri endpoint, CancellationToken cancellationToken) =>
        await DisabledAtAsync(endpoint, cancellationToken) is not null;

    public async Task DisableAsync(Uri endpoint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var row = new TableEntity(WebhookIndex.EndpointPartition, WebhookIndex.EndpointKey(endpoint))
        {
            ["DisabledAt"] = at,
        };
        await UpsertAsync(row, cancellationToken);
    }

    public async Task<DateTimeOffset?> DisabledAtAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var response = await tables.Webhooks.GetAsync(
            WebhookIndex.EndpointPartition,
            WebhookIndex.EndpointKey(endpoint),
            cancellationToken
        );
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

        var outcome = await tables.Webhooks.DeleteAsync(
            WebhookIndex.EndpointPartition,
            WebhookIndex.EndpointKey(endpoint),
            "*",
            cancellationToken
        );
        if (outcome is not (TableOutcome.Success or TableOutcome.NotFound))
        {
            throw TableOutcomes.Unavailable(outcome, What);
        }

        return true;
    }

    public async Task<AbandonedDeliveryPage> ListAbandonedAsync(
        int limit,
        string? after,
        CancellationToken cancellationToken
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 999);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {WebhookIndex.AbandonedPartition} and RowKey gt {after ?? string.Empty}"
        );
        var rows = new List<TableEntity>(limit + 1);
        await foreach (var row in tables.Webhooks.QueryAsync(filter, null, limit + 1, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > limit)
            {
                break;
            }
        }

        var read = rows.Take(limit).ToList();
        var items = new List<AbandonedDelivery>(read.Count);
        foreach (var row in read)
        {
            var (orderId, eventId) = WebhookIndex.ParseAbandoned(row.RowKey);
            var delivery = await FindAsync(orderId, eventId, cancellationToken);
            if (
                delivery is { State: WebhookDeliveryState.Abandoned, FinishedAt: { } at }
                && WebhookIndex.AbandonedRowKey(orderId, eventId, at) == row.RowKey
            )
            {
                items.Add(new AbandonedDelivery(orderId, delivery));
            }
            else
            {
                await DropAsync(row.PartitionKey, row.RowKey, cancellationToken);
            }
        }

        return new AbandonedDeliveryPage(items, rows.Count > limit ? Continuation.Encode(read[^1].RowKey) : null);
    }

    public async Task ForgetAbandonedAsync(AbandonedDelivery abandoned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        if (abandoned.Delivery.FinishedAt is { } at)
        {
            var key = WebhookIndex.AbandonedRowKey(abandoned.OrderId, abandoned.Delivery.EventId, at);
            await DropAsync(WebhookIndex.AbandonedPartition, key, cancellationToken);
        }
    }

    public async Task<string?> TryReplayAsync(
        string orderId,
        Versioned<WebhookDelivery> abandoned,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        var version = await TrySaveAsync(orderId, abandoned.Value.Replay(now), abandoned.Version, cancellationToken);
        if (version is not null)
        {
            // Left behind by a crash here, the row is dropped by the next listing (the delivery is no longer
            // abandoned).
            await ForgetAbandonedAsync(new AbandonedDelivery(orderId, abandoned.Value), cancellationToken);
        }

        return version;
    }

    /// <summary>
    /// The due entry as the outbox holds it, if its delivery still holds it (none yet, or pending at this time); a
    /// stale entry is deleted once the write that made it can no longer be landing (<see cref="WriteInFlight"/>). One
    /// whose storage calls fail is skipped, its entry kept for the next run, so one order cannot stop the run for the
    /// others.
    /// </summary>
    private async Task<ScheduledWebhook?> CurrentAsync(
        TableEntity entry,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var (dueTicks, orderId) = TimeIndex.Parse(entry.RowKey);
            var dueAt = new DateTimeOffset(dueTicks, TimeSpan.Zero);
            var eventId = entry.GetString(WebhookIndex.EventIdColumn);
            var delivery = eventId is null ? null : await FindVersionedAsync(orderId, eventId, cancellationToken);
            var pending =
                delivery is null || (!delivery.Value.IsFinished && delivery.Value.NextAttemptAt.UtcTicks == dueTicks);
            if (eventId is not null && pending)
            {
                var body = entry.GetString(WebhookIndex.BodyColumn);
                return new ScheduledWebhook(orderId, eventId, dueAt, delivery, body);
            }

            // A replay writes its due row (due now) before the delivery it makes pending: kept while that write may
            // land.
            if (WriteInFlight.MayBe(dueAt, now))
            {
                return null;
            }

            await DropAsync(entry.PartitionKey, entry.RowKey, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            LogDueSkipped(logger, entry.RowKey, e.Message);
        }

        return null;
    }

    private async Task UpsertAsync(TableEntity row, CancellationToken cancellationToken) =>
        TableOutcomes.Ensure((await tables.Webhooks.UpsertAsync(row, cancellationToken)).Outcome, What);

    /// <summary>
    /// Deletes an index row that no longer holds, whatever it holds now; a delete storage refuses leaves a row the next
    /// reader drops again.
    /// </summary>
    private async Task DropAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        await tables.Webhooks.DeleteAsync(partitionKey, rowKey, "*", cancellationToken);

    // Event ids 3040-3049 (see Payments.Core.Telemetry.LogEventIds).
    [LoggerMessage(
        EventId = 3040,
        Level = LogLevel.Warning,
        Message = "Due webhook {Entry} skipped this run: {Reason}"
    )]
    private static partial void LogDueSkipped(ILogger logger, string entry, string reason);
}
