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
/// Summaries of messages that did not verify: at most <c>Audit:UnverifiedPerPartition</c> per partition, claimed on a
/// counter row by compare-and-swap; past the cap they are only counted.
/// </summary>
public sealed partial class TableAuditLog
{
    public async Task RecordUnverifiedAsync(AuditRecord summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var partition = summary.OrderId is null
            ? $"unverified-{summary.At.UtcDateTime:yyyyMMdd}"
            : Partition(summary.OrderId, summary.Kind, summary.At);
        var table = tables.AuditMonth(summary.At);
        var count = await CountAsync(table, partition, cancellationToken);
        if (count is null)
        {
            LogCounterContended(logger, partition);
        }
        else if (count <= options.CurrentValue.UnverifiedPerPartition)
        {
            await RecordIndexedAsync(table, partition, summary, cancellationToken);
        }
    }

    /// <summary>
    /// Counts one more unverified message in the partition by compare-and-swap; returns its number (1 = the first), or
    /// null when the counter stayed contended for every attempt (a flood): the summary is then dropped, as past the
    /// cap, rather than failing the answer. Only a failed read (storage down) is an error.
    /// </summary>
    private static async Task<long?> CountAsync(
        StorageTable table,
        string partition,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 0; attempt < MaxCountAttempts; attempt++)
        {
            var current = await table.GetAsync(partition, UnverifiedCountRow, cancellationToken);
            if (current.Outcome == TableOutcome.TableNotFound)
            {
                await table.CreateIfNotExistsAsync(cancellationToken);
                continue;
            }

            if (current.Outcome is not (TableOutcome.Success or TableOutcome.NotFound))
            {
                throw TableOutcomes.Unavailable(current.Outcome, "Audit table");
            }

            var count = (current.Entity?.GetInt64("Count") ?? 0) + 1;
            var counter = new TableEntity(partition, UnverifiedCountRow) { ["Count"] = count };
            var written = current.Entity is null
                ? await table.InsertAsync(counter, cancellationToken)
                : await table.ReplaceAsync(counter, current.ETag!, cancellationToken);
            if (written.IsSuccess)
            {
                return count;
            }

            // Lost the race (AlreadyExists, PreconditionFailed), or the emulator failed a concurrent insert of the same
            // key: the next read decides; a storage outage fails that read.
        }

        return null;
    }

    [LoggerMessage(
        EventId = 3020,
        Level = LogLevel.Warning,
        Message = "Unverified-message counter of audit partition {Partition} stayed contended; "
            + "this summary was not kept"
    )]
    private static partial void LogCounterContended(ILogger logger, string partition);
}
