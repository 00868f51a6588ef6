using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Azure.Audit;
using Payments.Azure.Orders;
using Payments.Azure.Reconciliation;
using Payments.Azure.Tables;
using Payments.Core;
using Payments.Core.Audit;
using Payments.Core.Operations;
using Payments.Core.Orders;

namespace Payments.Azure.Operations;

/// <summary>
/// Lists the <see cref="AttentionIndex"/>: one range query on one partition (at most limit + 1 rows, so one request),
/// then for orders one read per row through the order store to check that the order still needs a person (a row that no
/// longer holds is deleted). No request depends on how many orders there are. Provider messages (the audit log's rows)
/// are listed while their audit records are kept (<see cref="AuditOptions.Retention"/>).
/// </summary>
public sealed partial class TableAttentionList(
    PaymentTables tables,
    IOrderRepository orders,
    IOptionsMonitor<AuditOptions> auditOptions,
    TimeProvider time,
    ILogger<TableAttentionList> logger
) : IAttentionList
{
    public async Task<AttentionPage> ListAsync(AttentionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, 999);
        var partition = AttentionIndex.Partition(query.Category, query.Reason);
        var now = time.GetUtcNow();
        var upper = query.Category switch
        {
            AttentionCategory.Stale => TimeIndex.UpperBound(now - query.OlderThan),
            AttentionCategory.NeedsReview => "~",

            // Newest first: rows below this key arrived after the audit retention began (older messages' records are
            // purged).
            _ => TimeIndex.RowKey(
                DateTimeOffset.MaxValue.UtcTicks - (now - auditOptions.CurrentValue.Retention).UtcTicks,
                string.Empty
            ),
        };
        var after = query.After ?? string.Empty;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {upper}"
        );
        var rows = new List<TableEntity>(query.Limit + 1);
        await foreach (var row in tables.Attention.QueryAsync(filter, null, query.Limit + 1, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > query.Limit)
            {
                break;
            }
        }

        var read = rows.Take(query.Limit).ToList();
        var items = new List<AttentionItem>(read.Count);
        foreach (var row in read)
        {
            var item = query.Category switch
            {
                AttentionCategory.NeedsReview or AttentionCategory.Stale => await OrderItemAsync(
                    query.Category,
                    row,
                    now,
                    cancellationToken
                ),
                AttentionCategory.Reconciliation => TableReconciliationLog.Item(row),
                _ => CallbackAttention.Item(query.Category, row),
            };
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return new AttentionPage(items, rows.Count > query.Limit ? Continuation.Encode(read[^1].RowKey) : null);
    }

    /// <summary>
    /// The item of an order's row, if the row still holds; one that does not is dropped, unless the write that made it
    /// may still be landing (<see cref="WriteInFlight"/>): then it is only left out of this page.
    /// </summary>
    private async Task<AttentionItem?> OrderItemAsync(
        AttentionCategory category,
        TableEntity row,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var (_, orderId) = TimeIndex.Parse(row.RowKey);
        var order = (await orders.FindAsync(orderId, cancellationToken))?.Value;
        if (!AttentionIndex.Holds(order, row.PartitionKey, row.RowKey))
        {
            if (!WriteInFlight.MayBe(row.GetDateTimeOffset(AttentionIndex.WrittenAt), now))
            {
                await DropAsync(row, cancellationToken);
            }

            return null;
        }

        return OrderAttention.Item(category, order!);
    }

    private async Task DropAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            // Only the row as read: one written again meanwhile (a new flag with the same key) answers 412 and stays.
            var version = row.ETag == default ? "*" : row.ETag.ToString();
            await tables.Attention.DeleteAsync(row.PartitionKey, row.RowKey, version, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            LogDropFailed(logger, row.PartitionKey, row.RowKey, e.Message);
        }
    }

    // Event ids 3030-3039 (see Payments.Core.Telemetry.LogEventIds).
    [LoggerMessage(
        EventId = 3031,
        Level = LogLevel.Warning,
        Message = "Stale attention row {Partition}/{Row} not deleted ({Reason}); it is dropped again when next read"
    )]
    private static partial void LogDropFailed(ILogger logger, string partition, string row, string reason);
}
