using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Payments.Azure.Tables;
using Payments.Core;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>
/// Orders in Table Storage: one partition per order (with its children's rows), and the indexes the store owns beside
/// them: due checks (<see cref="DueIndex"/>), what needs a person (<see cref="AttentionIndex"/>) and providers' numbers
/// (<see cref="ReferenceIndex"/>). It writes and reads nothing else.
/// </summary>
public sealed partial class TableOrderRepository(PaymentTables tables, ILogger<TableOrderRepository> logger)
    : IOrderRepository
{
    private const string What = "Order table";
    private static readonly string[] KeysOnly = ["RowKey"];
    private static readonly string[] DueColumns = ["RowKey", DueIndex.WrittenAt];

    public async Task<Versioned<PaymentOrder>?> FindAsync(string orderId, CancellationToken cancellationToken)
    {
        var response = await tables.Orders.GetAsync(
            OrderEntityMapper.PartitionKey(orderId),
            OrderEntityMapper.OrderRowKey,
            cancellationToken
        );
        return response.Outcome switch
        {
            TableOutcome.Success => new Versioned<PaymentOrder>(
                OrderEntityMapper.FromEntity(response.Entity!),
                response.ETag!
            ),
            TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task<Versioned<PaymentOrder>?> FindHaiPaySubscriptionAsync(
        string currency,
        string subscriptionNo,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentException.ThrowIfNullOrEmpty(subscriptionNo);
        var response = await tables.References.GetAsync(
            ReferenceIndex.Partition(subscriptionNo),
            ReferenceIndex.HaiPaySubscriptionRowKey(currency),
            cancellationToken
        );
        if (response.Outcome == TableOutcome.NotFound)
        {
            return null;
        }

        TableOutcomes.Ensure(response.Outcome, What);
        var order = response.Entity!.GetString(ReferenceIndex.OrderIdColumn) is { } orderId
            ? await FindAsync(orderId, cancellationToken)
            : null;
        return ReferenceIndex.Holds(order?.Value, currency, subscriptionNo) ? order : null;
    }

    public async Task<AddResult> AddAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await IndexAsync(order, null, cancellationToken);
        if (order.ParentOrderId is { } parentId)
        {
            var child = OrderEntityMapper.ChildEntry(parentId, order.Id);
            TableOutcomes.Ensure((await tables.Orders.UpsertAsync(child, cancellationToken)).Outcome, What);
        }

        var response = await tables.Orders.InsertAsync(OrderEntityMapper.ToEntity(order), cancellationToken);
        switch (response.Outcome)
        {
            case TableOutcome.Success:
                return new AddResult(new Versioned<PaymentOrder>(order, response.ETag!), Added: true);
            case TableOutcome.AlreadyExists:
                var existing = await FindAsync(order.Id, cancellationToken)
                    ?? throw new StorageUnavailableException($"Order {order.Id} exists but could not be read.");
                return new AddResult(existing, Added: false);
            default:
                throw TableOutcomes.Unavailable(response.Outcome, What);
        }
    }

    public async Task<string?> TryReplaceAsync(
        Versioned<PaymentOrder> current,
        PaymentOrder order,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(order);
        await IndexAsync(order, current.Value, cancellationToken);
        var response = await tables.Orders.ReplaceAsync(
            OrderEntityMapper.ToEntity(order),
            current.Version,
            cancellationToken
        );
        switch (response.Outcome)
        {
            case TableOutcome.Success:
                await UnindexAsync(order, current.Value, cancellationToken);
                return response.ETag;
            case TableOutcome.PreconditionFailed or TableOutcome.NotFound:
                return null;
            default:
                throw TableOutcomes.Unavailable(response.Outcome, What);
        }
    }

    public async IAsyncEnumerable<Versioned<PaymentOrder>> FindDueAsync(
        PaymentProvider provider,
        DateTimeOffset now,
        int max,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var upper = TimeIndex.UpperBound(now);
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var shard = 0; shard < DueIndex.Shards && found.Count < max; shard++)
        {
            var partition = DueIndex.Partition(provider, shard);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {upper}");
            await foreach (
                var entry in tables.Due.QueryAsync(filter, DueColumns, Math.Min(1000, max), cancellationToken)
            )
            {
                var order = await CurrentAsync(entry, now, cancellationToken);
                if (order is not null && found.Add(order.Value.Id))
                {
                    yield return order;
                    if (found.Count >= max)
                    {
                        yield break;
                    }
                }
            }
        }
    }

    public async IAsyncEnumerable<ChangedOrder> FindChangedAsync(
        PaymentProvider provider,
        DateOnly day,
        string? after,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var partition = ChangedIndex.Partition(provider, day);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {after ?? string.Empty}"
        );
        await foreach (var row in tables.Reconciliation.QueryAsync(filter, KeysOnly, 1000, cancellationToken))
        {
            yield return new ChangedOrder(row.RowKey, TableKeys.Decode(row.RowKey));
        }
    }

    public async IAsyncEnumerable<PaymentOrder> FindChildrenAsync(
        string parentId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var partition = OrderEntityMapper.PartitionKey(parentId);
        const string prefix = OrderEntityMapper.ChildPrefix;
        var end = prefix[..^1] + ".";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {end}"
        );
        await foreach (var entry in tables.Orders.QueryAsync(filter, KeysOnly, 1000, cancellationToken))
        {
            var childId = TableKeys.Decode(entry.RowKey[prefix.Length..]);
            if (await FindAsync(childId, cancellationToken) is { Value: var child } && child.ParentOrderId == parentId)
            {
                yield return child;
            }
        }
    }

    /// <summary>
    /// The order a due entry points at, if the entry still holds (a stale one is deleted, unless the write that made it
    /// may still be landing: <see cref="WriteInFlight"/>). An order whose storage calls
    /// fail is skipped, its entry kept for the next run, so one order cannot stop the run for the others.
    /// </summary>
    private async Task<Versioned<PaymentOrder>?> CurrentAsync(
        TableEntity entry,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var (dueTicks, orderId) = TimeIndex.Parse(entry.RowKey);
        try
        {
            var order = await FindAsync(orderId, cancellationToken);
            if (order?.Value.NextCheckAt?.UtcTicks == dueTicks)
            {
                return order;
            }

            if (WriteInFlight.MayBe(entry.GetDateTimeOffset(DueIndex.WrittenAt), now))
            {
                return null;
            }

            await tables.Due.DeleteAsync(entry.PartitionKey, entry.RowKey, "*", cancellationToken);
            return null;
        }
        catch (StorageUnavailableException e)
        {
            LogDueSkipped(logger, orderId, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Writes the index rows before the order, so an order never has a due check, a need for a person or a provider's
    /// number without its row (a row whose order write then fails is stale and dropped when read). A row the previous
    /// state (<paramref name="previous"/>) already has is not written again: its own write put it there first.
    /// </summary>
    private async Task IndexAsync(PaymentOrder order, PaymentOrder? previous, CancellationToken cancellationToken)
    {
        if (ReferenceIndex.Entry(order) is { } reference && !Same(reference, ReferenceIndex.Entry(previous)))
        {
            TableOutcomes.Ensure((await tables.References.UpsertAsync(reference, cancellationToken)).Outcome, What);
        }

        var had = previous is null ? [] : AttentionIndex.Entries(previous);
        foreach (var entry in AttentionIndex.Entries(order).Where(e => !had.Any(h => Same(e, h))))
        {
            TableOutcomes.Ensure((await tables.Attention.UpsertAsync(entry, cancellationToken)).Outcome, What);
        }

        if (DueIndex.Entry(order) is { } due && !Same(due, DueIndex.Entry(previous)))
        {
            TableOutcomes.Ensure((await tables.Due.UpsertAsync(due, cancellationToken)).Outcome, What);
        }

        if (order.Provider == PaymentProvider.HaiPay && ChangedOrders.Changes(previous, order))
        {
            var row = ChangedIndex.Entry(order);
            TableOutcomes.Ensure((await tables.Reconciliation.UpsertAsync(row, cancellationToken)).Outcome, What);
        }
    }

    /// <summary>
    /// Deletes the <c>stale</c> row the order's previous state had and its new one has not, at once: left behind, every
    /// accepted order would leave one that each listing of that partition reads and drops again. A delete that fails
    /// leaves a row the listing drops when it reads it (the order no longer matches), as after a crash between the two
    /// writes. Rows for a person (<c>needs-review*</c>) are left to the listing, which drops one only as it read it and
    /// once its write cannot be landing: a final order flagged again by another writer meanwhile has rows with the
    /// same keys, and an eager delete here could remove them for good.
    /// </summary>
    private async Task UnindexAsync(PaymentOrder order, PaymentOrder previous, CancellationToken cancellationToken)
    {
        var has = AttentionIndex.Entries(order);
        var stale = AttentionIndex
            .Entries(previous)
            .Where(h => h.PartitionKey == AttentionIndex.StalePartition && !has.Any(e => Same(e, h)));
        foreach (var gone in stale)
        {
            try
            {
                await tables.Attention.DeleteAsync(gone.PartitionKey, gone.RowKey, "*", cancellationToken);
            }
            catch (StorageUnavailableException e)
            {
                LogUnindexFailed(logger, order.Id, gone.PartitionKey, e.Message);
            }
        }
    }

    private static bool Same(TableEntity? a, TableEntity? b) =>
        a is not null && b is not null && a.PartitionKey == b.PartitionKey && a.RowKey == b.RowKey;

    // Event ids 3010-3019 (see Payments.Core.Telemetry.LogEventIds).
    [LoggerMessage(
        EventId = 3010,
        Level = LogLevel.Warning,
        Message = "Due order {OrderId} skipped this run: {Reason}"
    )]
    private static partial void LogDueSkipped(ILogger logger, string orderId, string reason);

    [LoggerMessage(
        EventId = 3011,
        Level = LogLevel.Warning,
        Message = "Attention row of order {OrderId} in {Partition} not deleted ({Reason}); "
            + "the listing drops it when read"
    )]
    private static partial void LogUnindexFailed(ILogger logger, string orderId, string partition, string reason);
}
