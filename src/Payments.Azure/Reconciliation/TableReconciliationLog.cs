using System.Globalization;
using Azure.Data.Tables;
using Payments.Azure.Orders;
using Payments.Azure.Tables;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Reconciliation;
using Payments.Core.Text;

namespace Payments.Azure.Reconciliation;

/// <summary>
/// Differences in the <c>attention</c> table's <c>reconciliation</c> partition, newest day first, one row per day,
/// source and order (RowKey: the day's inverted ticks, then source and order id), with both sides' columns; runs in the
/// <c>reconciliation</c> table, partition <c>run-{source}</c>, RowKey the day, replaced by compare-and-swap.
/// </summary>
public sealed class TableReconciliationLog(PaymentTables tables) : IReconciliationLog
{
    private const string What = "Reconciliation table";

    public async Task RecordAsync(ReconciliationDifference difference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var item = difference.Item();
        var row = new TableEntity(AttentionIndex.ReconciliationPartition, RowKey(difference))
        {
            ["Provider"] = item.Provider?.ToString(),
            ["OrderId"] = item.OrderId,
            ["Status"] = item.Status,
            ["Reason"] = item.Reason,
            ["Amount"] = EntityValues.MoneyText(item.Amount),
            ["Currency"] = item.Currency,
            ["Detail"] = item.Detail?.Value,
            ["FoundAt"] = difference.FoundAt,
        };
        TableOutcomes.Ensure((await tables.Attention.UpsertAsync(row, cancellationToken)).Outcome, What);
    }

    public async Task<(ReconciliationRun Run, string Version)?> FindRunAsync(
        string source,
        DateOnly day,
        CancellationToken cancellationToken
    )
    {
        var response = await tables.Reconciliation.GetAsync(RunPartition(source), DayKey(day), cancellationToken);
        if (response.Outcome is TableOutcome.NotFound or TableOutcome.TableNotFound)
        {
            return null;
        }

        TableOutcomes.Ensure(response.Outcome, What);
        return (FromEntity(source, day, response.Entity!), response.ETag!);
    }

    public async Task<string?> TrySaveRunAsync(
        ReconciliationRun run,
        string? version,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = ToEntity(run);
        var response = version is null
            ? await tables.Reconciliation.InsertAsync(entity, cancellationToken)
            : await tables.Reconciliation.ReplaceAsync(entity, version, cancellationToken);
        if (response.Outcome is TableOutcome.AlreadyExists or TableOutcome.PreconditionFailed or TableOutcome.NotFound)
        {
            return null;
        }

        TableOutcomes.Ensure(response.Outcome, What);
        return response.ETag;
    }

    /// <summary>The item a difference row stands for.</summary>
    internal static AttentionItem Item(TableEntity row) =>
        new(
            AttentionCategory.Reconciliation,
            row.GetString("OrderId"),
            Enum.TryParse<PaymentProvider>(row.GetString("Provider"), out var provider) ? provider : null,
            row.GetString("Status"),
            row.GetString("Reason"),
            AttentionIndex.MessageTime(row.RowKey),
            decimal.TryParse(row.GetString("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
                ? a
                : null,
            row.GetString("Currency"),
            ProviderText.From(row.GetString("Detail"))
        );

    private static string RowKey(ReconciliationDifference difference) =>
        TimeIndex.RowKey(DateTimeOffset.MaxValue.UtcTicks - difference.Since.UtcTicks, difference.Identity);

    private static string RunPartition(string source) => "run-" + TableKeys.Encode(source);

    private static string DayKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(ReconciliationRun run) =>
        new(RunPartition(run.Source), DayKey(run.Day))
        {
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
            ["LeaseUntil"] = run.LeaseUntil,
            ["Phase"] = run.Phase,
            ["Cursor"] = run.Cursor,
            ["Checked"] = run.Checked,
            ["Matched"] = run.Matched,
            ["Different"] = run.Different,
            ["Unanswered"] = run.Unanswered,
            ["Queries"] = run.Queries,
        };

    private static ReconciliationRun FromEntity(string source, DateOnly day, TableEntity row) =>
        new()
        {
            Source = source,
            Day = day,
            StartedAt = row.GetDateTimeOffset("StartedAt")!.Value,
            FinishedAt = row.GetDateTimeOffset("FinishedAt"),
            LeaseUntil = row.GetDateTimeOffset("LeaseUntil"),
            Phase = row.GetString("Phase") ?? "start",
            Cursor = row.GetString("Cursor"),
            Checked = (int)(row.GetNumber("Checked") ?? 0),
            Matched = (int)(row.GetNumber("Matched") ?? 0),
            Different = (int)(row.GetNumber("Different") ?? 0),
            Unanswered = (int)(row.GetNumber("Unanswered") ?? 0),
            Queries = (int)(row.GetNumber("Queries") ?? 0),
        };
}
