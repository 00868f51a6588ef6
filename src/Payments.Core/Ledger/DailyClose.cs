using Payments.Core.Orders;

namespace Payments.Core.Ledger;

/// <summary>
/// A UTC day's close, per provider and currency, computed from the ledger alone: what was collected, charged and
/// refunded, the fees, the net, counts, and each flagged item. <see cref="Provisional"/> while the day is not over or
/// some of its rows are still settling.
/// </summary>
public sealed record DailyClose(
    DateOnly Day,
    bool Provisional,
    int Unsettled,
    IReadOnlyList<CloseTotals> Totals,
    IReadOnlyList<LedgerEntry> Flagged
)
{
    /// <summary>The day's reconciliation runs (one per source that ran), set by whoever reads them.</summary>
    public IReadOnlyList<Reconciliation.ReconciliationRun> Reconciliation { get; init; } = [];

    public static DailyClose Of(LedgerDay day, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(day);
        var over = day.Day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) <= now.UtcDateTime;
        var totals = day
            .Entries.GroupBy(e => (e.Provider, Currency: e.Currency ?? string.Empty))
            .OrderBy(g => g.Key.Provider.ToString(), StringComparer.Ordinal)
            .ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g => CloseTotals.Of(g.Key.Provider, g.Key.Currency, g.ToList()))
            .ToList();
        var flagged = day.Entries.Where(e => e.ReviewReason is not null).OrderBy(e => e.At).ToList();
        return new DailyClose(day.Day, !over || day.Unsettled > 0, day.Unsettled, totals, flagged);
    }
}

/// <summary>One provider and currency's figures for a day.</summary>
public sealed record CloseTotals(
    PaymentProvider Provider,
    string Currency,
    decimal Collected,
    decimal Charged,
    decimal Refunded,
    decimal Fees,
    IReadOnlyDictionary<LedgerEntryKind, int> Counts,
    IReadOnlyDictionary<OrderStatus, int> CountsByStatus
)
{
    /// <summary>Money in less money out and the provider's fees.</summary>
    public decimal Net => Collected + Charged - Refunded - Fees;

    public static CloseTotals Of(PaymentProvider provider, string currency, IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        decimal Sum(LedgerEntryKind kind) => entries.Where(e => e.Kind == kind).Sum(e => e.Moved);
        return new CloseTotals(
            provider,
            currency,
            Sum(LedgerEntryKind.Collected),
            Sum(LedgerEntryKind.Charged),
            Sum(LedgerEntryKind.Refunded),
            entries.Where(e => e.Moved != 0m).Sum(e => e.Fee ?? 0m),
            Enum.GetValues<LedgerEntryKind>().ToDictionary(k => k, k => entries.Count(e => e.Kind == k)),
            entries.GroupBy(e => e.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count())
        );
    }
}
