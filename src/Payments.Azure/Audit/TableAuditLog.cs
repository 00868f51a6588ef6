using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Azure.Orders;
using Payments.Azure.Tables;
using Payments.Core;
using Payments.Core.Audit;

namespace Payments.Azure.Audit;

/// <summary>
/// Audit rows, in one table per UTC month of their time (<see cref="PaymentTables.AuditMonth"/>, created by the month's
/// first write) so that retention deletes whole months: partition per order (<c>o-{encoded id}</c>) or, for messages
/// about unknown orders, per day (<c>unmatched-{yyyyMMdd}</c> for signed ones, <c>unverified-{yyyyMMdd}</c> for
/// summaries of unverified ones); RowKey <c>{ticks:D19}-{guid}</c> keeps them in arrival order. Unverified summaries
/// are capped per partition by the <c>unverified-count</c> row, claimed by compare-and-swap: past the cap a message
/// only increments it (an order's partition has one counter per month). Operators' actions about no order go to
/// <c>operator-{yyyyMMdd}</c>. Unmatched and kept unverified messages also get a row in the operators' attention index
/// (<see cref="CallbackAttention"/>).
/// </summary>
public sealed partial class TableAuditLog(
    PaymentTables tables,
    IOptionsMonitor<AuditOptions> options,
    ILogger<TableAuditLog> logger
) : IAuditLog
{
    /// <summary>
    /// RowKey of a partition's counter of unverified messages (sorts after every arrival-ordered row).
    /// </summary>
    public const string UnverifiedCountRow = "unverified-count";

    /// <summary>
    /// Row-key prefix of the markers that keep a record once per message (<see cref="AuditRecord.OnceKey"/>).
    /// </summary>
    public const string OnceRowPrefix = "once-";

    /// <summary>Lost compare-and-swap races on one counter before giving up (each loser re-reads).</summary>
    private const int MaxCountAttempts = 32;

    private static readonly string[] KeysOnly = ["RowKey"];

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = tables.AuditMonth(record.At);
        var partition = Partition(record.OrderId, record.Kind, record.At);
        if (record.OnceKey is { } once && !await ClaimOnceAsync(table, partition, once, cancellationToken))
        {
            return;
        }

        try
        {
            await RecordIndexedAsync(table, partition, record, cancellationToken);
        }
        catch (Exception) when (record.OnceKey is { } claimed)
        {
            // Not recorded: the marker goes too, so the provider's retry of the message is recorded.
            await ReleaseOnceAsync(table, partition, claimed);
            throw;
        }
    }

    /// <summary>
    /// Deletes a marker whose record was not written. Best effort: when storage refuses this too, the marker stays
    /// and a retry of that message is taken for recorded (logged).
    /// </summary>
    private async Task ReleaseOnceAsync(StorageTable table, string partition, string once)
    {
        try
        {
            await table.DeleteAsync(partition, OnceRowPrefix + once, "*", CancellationToken.None);
        }
        catch (StorageUnavailableException e)
        {
            LogOnceNotReleased(logger, partition, e.Message);
        }
    }

    /// <summary>
    /// Inserts the partition's marker row for <paramref name="once"/>; false when it already exists (the same message
    /// was recorded before). The marker is written first, so a replay never adds a second record; it is deleted again
    /// when the record cannot be written.
    /// </summary>
    private static async Task<bool> ClaimOnceAsync(
        StorageTable table,
        string partition,
        string once,
        CancellationToken cancellationToken
    )
    {
        var marker = new TableEntity(partition, OnceRowPrefix + once);
        var response = await InsertIntoMonthAsync(table, marker, cancellationToken);
        return response.Outcome switch
        {
            TableOutcome.AlreadyExists => false,
            _ when response.IsSuccess => true,
            var outcome => throw new StorageUnavailableException($"Audit table: {outcome}"),
        };
    }

    public async IAsyncEnumerable<AuditRecord> ListAsync(
        string? orderId,
        DateTimeOffset day,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var months = await tables.AuditMonthsAsync(cancellationToken);
        string[] partitions = orderId is null
            ?
            [
                Partition(null, AuditKinds.CallbackUnmatched, day),
                $"unverified-{day.UtcDateTime:yyyyMMdd}",
                Partition(null, AuditKinds.OperatorEndpointEnable, day),
            ]
            : [Partition(orderId, string.Empty, day)];
        var dayMonth = tables.AuditMonth(day).Name;
        foreach (var partition in partitions)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            foreach (var month in months.Where(m => orderId is not null || m.Table.Name == dayMonth))
            {
                await foreach (var row in month.Table.QueryAsync(filter, null, 1000, cancellationToken))
                {
                    if (
                        row.RowKey != UnverifiedCountRow
                        && !row.RowKey.StartsWith(OnceRowPrefix, StringComparison.Ordinal)
                    )
                    {
                        yield return new AuditRecord(
                            row.GetString("OrderId"),
                            row.GetString("Kind")!,
                            row.GetString("Payload")!,
                            row.GetDateTimeOffset("At")!.Value
                        );
                    }
                }
            }
        }
    }

    /// <summary>
    /// Adds the record, after the operators' attention row when it is a message they must see (so no such message is
    /// kept without one; a row whose record then fails still names a message that arrived).
    /// </summary>
    private async Task RecordIndexedAsync(
        StorageTable table,
        string partition,
        AuditRecord record,
        CancellationToken cancellationToken
    )
    {
        if (CallbackAttention.For(record) is { } attention)
        {
            var written = await tables.Attention.UpsertAsync(attention, cancellationToken);
            TableOutcomes.Ensure(written.Outcome, "Attention table");
        }

        await InsertAsync(table, partition, record, cancellationToken);
    }

    /// <summary>Adds the record to its month's table (see <see cref="InsertIntoMonthAsync"/>).</summary>
    private static async Task InsertAsync(
        StorageTable table,
        string partition,
        AuditRecord record,
        CancellationToken cancellationToken
    )
    {
        var rowKey = $"{record.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        var entity = new TableEntity(partition, rowKey)
        {
            ["OrderId"] = record.OrderId,
            ["Kind"] = record.Kind,
            ["Payload"] = record.Payload,
            ["At"] = record.At,
        };
        var response = await InsertIntoMonthAsync(table, entity, cancellationToken);
        if (!response.IsSuccess)
        {
            throw new StorageUnavailableException($"Audit table: {response.Outcome}");
        }
    }

    /// <summary>Inserts a row; the month's first write finds no table, creates it and inserts again.</summary>
    private static async Task<TableResponse> InsertIntoMonthAsync(
        StorageTable table,
        TableEntity entity,
        CancellationToken cancellationToken
    )
    {
        var response = await table.InsertAsync(entity, cancellationToken);
        if (response.Outcome == TableOutcome.TableNotFound)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            response = await table.InsertAsync(entity, cancellationToken);
        }

        return response;
    }

    /// <summary>
    /// An order's partition; for no order, the day's unmatched messages or, for what operators did, the day's
    /// <c>operator-{yyyyMMdd}</c>.
    /// </summary>
    private static string Partition(string? orderId, string kind, DateTimeOffset at) =>
        orderId switch
        {
            null when AuditKinds.IsOperator(kind) => $"operator-{at.UtcDateTime:yyyyMMdd}",
            null => $"unmatched-{at.UtcDateTime:yyyyMMdd}",
            _ => $"o-{TableKeys.Encode(orderId)}",
        };

    // Event ids 3020-3029 (see Payments.Core.Telemetry.LogEventIds).

    [LoggerMessage(
        EventId = 3021,
        Level = LogLevel.Error,
        Message = "Audit once-marker in {Partition} not released after its record failed ({Reason}); a retry of that "
            + "message will not be recorded"
    )]
    private static partial void LogOnceNotReleased(ILogger logger, string partition, string reason);
}
