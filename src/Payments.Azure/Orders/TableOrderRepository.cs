using System.Diagnostics;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Payments.Azure.Tables;
using Payments.Azure.Webhooks;
using Payments.Core;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>Orders in Table Storage: one partition per order, a sharded due-check index beside it.</summary>
public sealed partial class TableOrderRepository(PaymentTables tables, ILogger<TableOrderRepository> logger) : IOrderRepository
{
    private const string What = "Order table";
    private static readonly string[] KeysOnly = ["RowKey"];

    public async Task<Versioned<PaymentOrder>?> FindAsync(string orderId, CancellationToken cancellationToken)
    {
        var response = await tables.Orders.GetAsync(OrderEntityMapper.PartitionKey(orderId), OrderEntityMapper.OrderRowKey, cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.Success => new Versioned<PaymentOrder>(OrderEntityMapper.FromEntity(response.Entity!), response.ETag!),
            TableOutcome.NotFound => null,
            _ => throw TableOutcomes.Unavailable(response.Outcome, What),
        };
    }

    public async Task<Versioned<PaymentOrder>?> FindHaiPaySubscriptionAsync(string currency, string subscriptionNo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentException.ThrowIfNullOrEmpty(subscriptionNo);
        var response = await tables.References.GetAsync(ReferenceIndex.Partition(subscriptionNo), ReferenceIndex.HaiPaySubscriptionRowKey(currency), cancellationToken);
        if (response.Outcome == TableOutcome.NotFound)
        {
            return null;
        }

        TableOutcomes.Ensure(response.Outcome, What);
        var order = response.Entity!.GetString(ReferenceIndex.OrderIdColumn) is { } orderId ? await FindAsync(orderId, cancellationToken) : null;
        return order?.Value is { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Subscription } subscription && subscription.ProviderReference == subscriptionNo
            && string.Equals(subscription.Currency, currency, StringComparison.OrdinalIgnoreCase)
            ? order
            : null;
    }

    public async Task<AddResult> AddAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        order = WithTraceParent(order);
        await IndexAsync(order, null, [], cancellationToken);
        if (order.ParentOrderId is { } parentId)
        {
            TableOutcomes.Ensure((await tables.Orders.UpsertAsync(OrderEntityMapper.ChildEntry(parentId, order.Id), cancellationToken)).Outcome, What);
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

    public async Task<string?> TryReplaceAsync(Versioned<PaymentOrder> current, PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(order);
        order = WithTraceParent(order);
        var had = AttentionIndex.Entries(current.Value);
        await IndexAsync(order, current.Value, had, cancellationToken);
        var response = await tables.Orders.ReplaceAsync(OrderEntityMapper.ToEntity(order), current.Version, cancellationToken);
        switch (response.Outcome)
        {
            case TableOutcome.Success:
                await UnindexAsync(order, had, cancellationToken);
                return response.ETag;
            case TableOutcome.PreconditionFailed or TableOutcome.NotFound:
                return null;
            default:
                throw TableOutcomes.Unavailable(response.Outcome, What);
        }
    }

    /// <summary>
    /// Deletes the attention rows the order's previous state had and its new one has not. A delete that fails leaves a row the
    /// listing drops when it reads it (the order no longer matches), as after a crash between the two writes.
    /// </summary>
    private async Task UnindexAsync(PaymentOrder order, IReadOnlyList<TableEntity> had, CancellationToken cancellationToken)
    {
        var has = AttentionIndex.Entries(order);
        foreach (var gone in had.Where(h => !has.Any(e => e.PartitionKey == h.PartitionKey && e.RowKey == h.RowKey)))
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

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "Attention row of order {OrderId} in {Partition} not deleted ({Reason}); the listing drops it when read")]
    private static partial void LogUnindexFailed(ILogger logger, string orderId, string partition, string reason);

    public async IAsyncEnumerable<Versioned<PaymentOrder>> FindDueAsync(
        PaymentProvider provider,
        DateTimeOffset now,
        int max,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var upper = TimeIndex.UpperBound(now);
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var shard = 0; shard < DueIndex.Shards && found.Count < max; shard++)
        {
            var partition = DueIndex.Partition(provider, shard);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {upper}");
            await foreach (var entry in tables.Due.QueryAsync(filter, KeysOnly, Math.Min(1000, max), cancellationToken))
            {
                var (dueTicks, orderId) = TimeIndex.Parse(entry.RowKey);
                var order = await CurrentAsync(entry, dueTicks, orderId, cancellationToken);
                if (order is not null && found.Add(orderId))
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

    /// <summary>
    /// The order a due entry points at, if the entry still holds (a stale one is deleted). An order whose storage calls
    /// fail is skipped, its entry kept for the next run, so one order cannot stop the run for the others.
    /// </summary>
    private async Task<Versioned<PaymentOrder>?> CurrentAsync(TableEntity entry, long dueTicks, string orderId, CancellationToken cancellationToken)
    {
        try
        {
            var order = await FindAsync(orderId, cancellationToken);
            if (order?.Value.NextCheckAt?.UtcTicks == dueTicks)
            {
                return order;
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

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Due order {OrderId} skipped this run: {Reason}")]
    private static partial void LogDueSkipped(ILogger logger, string orderId, string reason);

    public async IAsyncEnumerable<PaymentOrder> FindChildrenAsync(string parentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = OrderEntityMapper.PartitionKey(parentId);
        const string prefix = OrderEntityMapper.ChildPrefix;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "."}");
        await foreach (var entry in tables.Orders.QueryAsync(filter, KeysOnly, 1000, cancellationToken))
        {
            if (await FindAsync(TableKeys.Decode(entry.RowKey[prefix.Length..]), cancellationToken) is { Value: var child } && child.ParentOrderId == parentId)
            {
                yield return child;
            }
        }
    }

    /// <summary>
    /// An event raised by this write carries the running trace's <c>traceparent</c> into the order row (the outbox's source), so
    /// the webhook delivery that reports it continues that trace.
    /// </summary>
    private static PaymentOrder WithTraceParent(PaymentOrder order) =>
        order.HasNewEvent && order.LastEvent!.TraceParent is null && Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent }
            ? order with { LastEvent = order.LastEvent with { TraceParent = traceParent } }
            : order;

    /// <summary>
    /// Writes the index rows before the order, so an order never has a due check, a raised event, a need for a person or a
    /// provider's number without its row (a row whose order write then fails is stale and dropped when read); attention rows
    /// and the provider-reference row its previous state (<paramref name="previous"/>, <paramref name="had"/>) already has are
    /// not written again.
    /// </summary>
    private async Task IndexAsync(PaymentOrder order, PaymentOrder? previous, IReadOnlyList<TableEntity> had, CancellationToken cancellationToken)
    {
        var reference = ReferenceIndex.Entry(order);
        var formerReference = ReferenceIndex.Entry(previous);
        if (reference is not null && (formerReference is null || formerReference.PartitionKey != reference.PartitionKey || formerReference.RowKey != reference.RowKey))
        {
            TableOutcomes.Ensure((await tables.References.UpsertAsync(reference, cancellationToken)).Outcome, What);
        }

        foreach (var entry in AttentionIndex.Entries(order).Where(e => !had.Any(h => h.PartitionKey == e.PartitionKey && h.RowKey == e.RowKey)))
        {
            TableOutcomes.Ensure((await tables.Attention.UpsertAsync(entry, cancellationToken)).Outcome, What);
        }

        if (order.NextCheckAt is { } due)
        {
            TableOutcomes.Ensure((await tables.Due.UpsertAsync(DueIndex.Entry(order, due), cancellationToken)).Outcome, What);
        }

        if (order.HasNewEvent)
        {
            TableOutcomes.Ensure((await tables.Webhooks.UpsertAsync(WebhookIndex.Entry(order.Id, order.LastEvent!.Id, order.LastEvent.OccurredAt), cancellationToken)).Outcome, What);
        }
    }
}
