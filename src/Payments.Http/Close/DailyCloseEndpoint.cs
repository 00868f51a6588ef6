using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Payments.Core.Ledger;
using Payments.Core.Reconciliation;

namespace Payments.Http.Close;

/// <summary>
/// <c>GET api/ops/close/{day}</c> (operator): the UTC day's close from the ledger, as JSON; <c>.../csv</c>: as CSV (one
/// line per provider and currency). A day that is not <c>yyyy-MM-dd</c>, or lies in the future: 400 naming it, nothing
/// read.
/// </summary>
public sealed class DailyCloseEndpoint(LedgerBook ledger, IReconciliationLog reconciliation, TimeProvider time)
{
    private static readonly string[] Sources =
    [
        ReconciliationDifference.HaiPayQuery,
        ReconciliationDifference.HuaweiPinImport,
    ];

    public const string CsvHeader =
        "day,provider,currency,collected,charged,refunded,fees,net,collectedCount,chargedCount,refundedCount,"
        + "flaggedCount,resolvedCount,provisional";

    public async Task<IResult> GetAsync(string day, CancellationToken cancellationToken) =>
        await CloseAsync(day, cancellationToken) is { } close ? Results.Ok(DailyCloseView.From(close)) : Invalid(day);

    public async Task<IResult> GetCsvAsync(string day, CancellationToken cancellationToken) =>
        await CloseAsync(day, cancellationToken) is { } close
            ? Results.Text(Csv(close), "text/csv; charset=utf-8", Encoding.UTF8)
            : Invalid(day);

    private async Task<DailyClose?> CloseAsync(string day, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (CloseDay.Parse(day, now).Day is not { } closeDay)
        {
            return null;
        }

        var close = DailyClose.Of(await ledger.ReadAsync(closeDay, cancellationToken), now);
        var runs = new List<ReconciliationRun>();
        foreach (var source in Sources)
        {
            if (await reconciliation.FindRunAsync(source, closeDay, cancellationToken) is { Run: var run })
            {
                runs.Add(run);
            }
        }

        return close with
        {
            Reconciliation = runs,
        };
    }

    private IResult Invalid(string day) => CloseDay.Invalid(day, time.GetUtcNow());

    /// <summary>The close as CSV: the header, then one line per provider and currency, amounts invariant.</summary>
    public static string Csv(DailyClose close)
    {
        ArgumentNullException.ThrowIfNull(close);
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var t in close.Totals)
        {
            var fields = new[]
            {
                close.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                t.Provider.ToString(),
                t.Currency,
                Invariant(t.Collected),
                Invariant(t.Charged),
                Invariant(t.Refunded),
                Invariant(t.Fees),
                Invariant(t.Net),
                Invariant(t.Counts[LedgerEntryKind.Collected]),
                Invariant(t.Counts[LedgerEntryKind.Charged]),
                Invariant(t.Counts[LedgerEntryKind.Refunded]),
                Invariant(t.Counts[LedgerEntryKind.Flagged]),
                Invariant(t.Counts[LedgerEntryKind.Resolved]),
                close.Provisional ? "true" : "false",
            };
            text.AppendJoin(',', fields).Append('\n');
        }

        return text.ToString();
    }

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
