using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Audit;
using Payments.Core.HuaweiPin;
using Payments.Core.Ledger;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.Core.Validation;

namespace Payments.Core.Reconciliation;

/// <summary>
/// Matches a validated HUAWEIPIN export of one UTC day against our books. A paid row whose order we hold unpaid: the
/// row recorded as evidence in the order's audit trail, then the order handed to a person by compare-and-swap
/// (<see cref="PaymentOrder.ProviderReportsPayment"/>; nothing is settled). A paid row for an order we do not hold, or
/// another amount or status on an order we hold as succeeded: a difference. Our HUAWEIPIN payments of the day (the
/// ledger's collections) the export does not hold: a difference and listed. Every difference is recorded per day,
/// source and order and the summary stored as the day's run, so importing the same file again changes nothing more.
/// Costs one order read per row, one ledger day read, and writes only for what differs.
/// </summary>
public sealed partial class HuaweiPinImport(
    IOrderRepository orders,
    OrderUpdater updater,
    IAuditLog audit,
    IReconciliationLog log,
    LedgerBook ledger,
    IOptionsMonitor<HuaweiPinOptions> huaweiPin,
    TimeProvider time,
    ILogger<HuaweiPinImport> logger
)
{
    /// <summary>Order reads and writes in flight at once.</summary>
    public const int Concurrency = 8;

    private const string Source = ReconciliationDifference.HuaweiPinImport;

    /// <summary>
    /// Matches <paramref name="rows"/> against the day's orders; <paramref name="importedBy"/> is named in every
    /// evidence record it writes.
    /// </summary>
    public async Task<HuaweiPinImportSummary> RunAsync(
        DateOnly day,
        IReadOnlyList<HuaweiPinExportRow> rows,
        OperatorPrincipal importedBy,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(importedBy);
        var startedAt = time.GetUtcNow();
        var matched = 0;
        var different = 0;
        var flagged = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (row, ct) =>
            {
                switch (await MatchAsync(day, row, importedBy, ct))
                {
                    case Match.Same:
                        Interlocked.Increment(ref matched);
                        break;
                    case Match.Different:
                        Interlocked.Increment(ref different);
                        break;
                    default:
                        flagged.Add(row.OrderId);
                        break;
                }
            }
        );

        var (missing, unsettled) = await OursMissingAsync(day, rows, cancellationToken);
        var summary = new HuaweiPinImportSummary(
            day,
            rows.Count,
            matched,
            different,
            [.. flagged.Order(StringComparer.Ordinal)],
            missing,
            unsettled
        );
        await SaveRunAsync(summary, startedAt, cancellationToken);
        LogImported(logger, day, rows.Count, matched, different, summary.Flagged.Count, missing.Count);
        return summary;
    }

    private async Task<Match> MatchAsync(
        DateOnly day,
        HuaweiPinExportRow row,
        OperatorPrincipal importedBy,
        CancellationToken cancellationToken
    )
    {
        // An id no order of ours can have (too long, a character ours refuse) is not looked up: it names none.
        var found = FieldRules.OrderId(row.OrderId) is null
            ? await orders.FindAsync(row.OrderId, cancellationToken)
            : null;
        var theirs = new ReconciledSide(ProviderText.Of(row.Status).Value, row.Amount, null, null);
        if (found is not { Value.Provider: PaymentProvider.HuaweiPin } held)
        {
            if (!row.Paid)
            {
                return Match.Same;
            }

            var shownId = ProviderText.Of(row.OrderId);
            LogUnknownOrder(logger, day, shownId, row.Row);
            await RecordEvidenceAsync(null, day, row, importedBy, cancellationToken);
            await RecordAsync(
                day,
                shownId.Value,
                huaweiPin.CurrentValue.Currency,
                null,
                theirs,
                ["order"],
                cancellationToken
            );
            return Match.Different;
        }

        var order = held.Value;
        if (order.Status == OrderStatus.Succeeded)
        {
            var fields = new List<string>();
            if (!row.Paid)
            {
                fields.Add("status");
            }
            else if ((order.ReceivedAmount ?? order.Amount) != row.Amount)
            {
                fields.Add("amount");
            }

            if (fields.Count == 0)
            {
                return Match.Same;
            }

            await RecordAsync(day, order.Id, order.Currency, Ours(order), theirs, fields, cancellationToken);
            return Match.Different;
        }

        if (!row.Paid)
        {
            return Match.Same;
        }

        if (DateOnly.FromDateTime(row.At.UtcDateTime) < DateOnly.FromDateTime(order.CreatedAt.UtcDateTime))
        {
            // Paid on a day before the order existed: not evidence about it; listed, the order left as it is.
            await RecordAsync(day, order.Id, order.Currency, Ours(order), theirs, ["time"], cancellationToken);
            return Match.Different;
        }

        await RecordEvidenceAsync(order.Id, day, row, importedBy, cancellationToken);
        var evidence = Evidence(day, row);
        var result = await updater.UpdateAsync(
            held,
            (o, now) => o.ProviderReportsPayment(evidence, now),
            cancellationToken
        );
        var now = result.Order ?? order;
        LogFlagged(logger, day, order.Id, order.Status, now.Status, row.Row);
        await RecordAsync(day, order.Id, order.Currency, Ours(now), theirs, ["status"], cancellationToken);
        return Match.Flagged;
    }

    private async Task<(IReadOnlyList<string> Missing, int Unsettled)> OursMissingAsync(
        DateOnly day,
        IReadOnlyList<HuaweiPinExportRow> rows,
        CancellationToken cancellationToken
    )
    {
        var theirs = rows.Select(r => r.OrderId).ToHashSet(StringComparer.Ordinal);
        var book = await ledger.ReadAsync(day, cancellationToken);
        var missing = book
            .Entries.Where(e =>
                e is { Kind: LedgerEntryKind.Collected, Provider: PaymentProvider.HuaweiPin }
                && !theirs.Contains(e.OrderId)
            )
            .GroupBy(e => e.OrderId, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(e => e.OrderId, StringComparer.Ordinal)
            .ToList();
        foreach (var entry in missing)
        {
            var ours = new ReconciledSide(entry.Status.ToString(), entry.Amount, entry.ReceivedAmount, entry.Fee);
            await RecordAsync(day, entry.OrderId, entry.Currency, ours, null, ["order"], cancellationToken);
        }

        return ([.. missing.Select(e => e.OrderId)], book.Unsettled);
    }

    private Task RecordAsync(
        DateOnly day,
        string orderId,
        string? currency,
        ReconciledSide? ours,
        ReconciledSide? theirs,
        IReadOnlyList<string> fields,
        CancellationToken cancellationToken
    ) =>
        log.RecordAsync(
            new ReconciliationDifference(
                day,
                Source,
                orderId,
                PaymentProvider.HuaweiPin,
                currency,
                ours,
                theirs,
                fields,
                time.GetUtcNow()
            ),
            cancellationToken
        );

    private async Task SaveRunAsync(HuaweiPinImportSummary summary, DateTimeOffset startedAt, CancellationToken ct)
    {
        var run = new ReconciliationRun
        {
            Source = Source,
            Day = summary.Day,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            Phase = "done",
            Checked = summary.RowsRead,
            Matched = summary.Matched,
            Different = summary.Different + summary.Flagged.Count,
            Unanswered = summary.OursMissing.Count,
        };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await log.FindRunAsync(Source, summary.Day, ct);
            if (await log.TrySaveRunAsync(run, stored?.Version, ct) is not null)
            {
                return;
            }
        }

        LogRunNotSaved(logger, summary.Day);
    }

    private static ReconciledSide Ours(PaymentOrder order) =>
        new(order.Status.ToString(), order.Amount, order.ReceivedAmount, order.Fee);

    private static ProviderText Evidence(DateOnly day, HuaweiPinExportRow row) =>
        ProviderText.Of(
            string.Create(
                CultureInfo.InvariantCulture,
                $"HUAWEIPIN export of {day:yyyy-MM-dd}, row {row.Row}: status '{row.Status}', amount {row.Amount}, "
                    + $"at {row.At:yyyy-MM-ddTHH:mm:ssZ}; no callback reached us"
            )
        );

    private enum Match
    {
        Same,
        Different,
        Flagged,
    }
}
