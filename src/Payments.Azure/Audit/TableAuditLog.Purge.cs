using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Payments.Azure.Orders;
using Payments.Azure.Tables;

namespace Payments.Azure.Audit;

/// <summary>
/// Retention: whole month tables dropped, and the attention rows of the provider messages they recorded deleted. Where
/// the app may not drop a table (<see cref="Payments.Core.Audit.AuditOptions.DropExpiredMonths"/> off, or storage
/// refuses the delete), the expired months are left for the operator step and reported once per run.
/// </summary>
public sealed partial class TableAuditLog
{
    /// <summary>The runbook section an operator follows to drop the months the app leaves.</summary>
    public const string OperatorStep = "docs/operations.md#expired-audit-months";

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var expired = (await tables.AuditMonthsAsync(cancellationToken)).Where(m => m.End <= before).ToList();
        var purged = 0;
        if (options.CurrentValue.DropExpiredMonths)
        {
            purged = await DropAsync(expired, cancellationToken);
        }
        else
        {
            ReportLeft(expired, "Audit:DropExpiredMonths is off");
        }

        await PurgeMessageAttentionAsync(AttentionIndex.UnmatchedPartition, before, cancellationToken);
        await PurgeMessageAttentionAsync(AttentionIndex.UnverifiedPartition, before, cancellationToken);
        return purged;
    }

    /// <summary>
    /// Drops the months oldest first; a refusal for want of permission stops the run (every later drop would be
    /// refused too) and leaves the rest to the operator.
    /// </summary>
    private async Task<int> DropAsync(List<AuditMonthTable> expired, CancellationToken cancellationToken)
    {
        for (var i = 0; i < expired.Count; i++)
        {
            try
            {
                await expired[i].Table.DeleteTableAsync(cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 403)
            {
                ReportLeft(expired[i..], $"not permitted: 403 {e.ErrorCode}".TrimEnd());
                return i;
            }
        }

        return expired.Count;
    }

    /// <summary>One log event for the months left to the operator step; none when nothing is left.</summary>
    private void ReportLeft(List<AuditMonthTable> left, string reason)
    {
        if (left.Count > 0)
        {
            LogMonthsLeft(logger, left.Count, left[0].Table.Name, reason, OperatorStep);
        }
    }

    /// <summary>
    /// Deletes the attention rows of provider messages that arrived before <paramref name="before"/> (their audit
    /// records are purged with them): message rows are keyed newest first, so these are one key range at the end of the
    /// partition, read keys only, never a scan of the rows still kept.
    /// </summary>
    private async Task PurgeMessageAttentionAsync(
        string partition,
        DateTimeOffset before,
        CancellationToken cancellationToken
    )
    {
        var oldest = TimeIndex.RowKey(DateTimeOffset.MaxValue.UtcTicks - before.UtcTicks + 1, string.Empty);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {oldest}");
        var rows = new List<string>();
        await foreach (var row in tables.Attention.QueryAsync(filter, KeysOnly, 1000, cancellationToken))
        {
            rows.Add(row.RowKey);
        }

        foreach (var rowKey in rows)
        {
            var outcome = await tables.Attention.DeleteAsync(partition, rowKey, "*", cancellationToken);
            if (outcome is not (TableOutcome.Success or TableOutcome.NotFound))
            {
                throw TableOutcomes.Unavailable(outcome, "Attention table");
            }
        }
    }

    [LoggerMessage(
        EventId = 3022,
        Level = LogLevel.Warning,
        Message = "{Count} audit month table(s) past retention, oldest {Oldest}, left for the operator step: {Reason} "
            + "({Runbook})"
    )]
    private static partial void LogMonthsLeft(ILogger logger, int count, string oldest, string reason, string runbook);
}
