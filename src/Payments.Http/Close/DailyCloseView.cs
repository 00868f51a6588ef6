using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Payments.Core.Ledger;
using Payments.Http.Contracts;

namespace Payments.Http.Close;

/// <summary>The answer of <c>GET api/ops/close/{day}</c>: the day's figures from the ledger alone.</summary>
public sealed record DailyCloseView(
    [property: Description("The UTC day, yyyy-MM-dd.")] string Day,
    [property: Description(
        "True while the day is not over or some of its ledger rows may still be landing: the figures can still change."
    )]
        bool Provisional,
    [property: Description("Ledger rows left out because the order write that made them may still be landing.")]
        int Unsettled,
    [property: Description("One entry per provider and currency that moved or flagged money that day.")]
        IReadOnlyList<CloseTotalsView> Totals,
    [property: Description("Each entry of the day that flags money for a person, oldest first.")]
        IReadOnlyList<LedgerEntryView> Flagged,
    [property: Description("The day's reconciliation runs, one per source that ran (HaiPay query, HUAWEIPIN import).")]
        IReadOnlyList<ReconciliationRunView> Reconciliation
)
{
    public static DailyCloseView From(DailyClose close)
    {
        ArgumentNullException.ThrowIfNull(close);
        return new DailyCloseView(
            close.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            close.Provisional,
            close.Unsettled,
            [.. close.Totals.Select(CloseTotalsView.From)],
            [.. close.Flagged.Select(LedgerEntryView.From)],
            [.. close.Reconciliation.Select(ReconciliationRunView.From)]
        );
    }
}

/// <summary>One provider and currency's figures; amounts are decimal text.</summary>
public sealed record CloseTotalsView(
    string Provider,
    string Currency,
    [property: RegularExpression(DecimalText.Pattern)] string Collected,
    [property: RegularExpression(DecimalText.Pattern)] string Charged,
    [property: RegularExpression(DecimalText.Pattern)] string Refunded,
    [property: RegularExpression(DecimalText.Pattern)] string Fees,
    [property: Description("collected + charged - refunded - fees"), RegularExpression(DecimalText.Pattern)] string Net,
    [property: Description("Ledger entries by kind: collected, charged, refunded, flagged, resolved.")]
        IReadOnlyDictionary<string, int> Counts,
    [property: Description("Ledger entries by the order's status after the write that made each.")]
        IReadOnlyDictionary<string, int> CountsByStatus
)
{
    public static CloseTotalsView From(CloseTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new CloseTotalsView(
            totals.Provider.ToString(),
            totals.Currency,
            DecimalText.Of(totals.Collected)!,
            DecimalText.Of(totals.Charged)!,
            DecimalText.Of(totals.Refunded)!,
            DecimalText.Of(totals.Fees)!,
            DecimalText.Of(totals.Net)!,
            totals.Counts.ToDictionary(c => Name(c.Key), c => c.Value, StringComparer.Ordinal),
            totals.CountsByStatus.ToDictionary(c => c.Key.ToString(), c => c.Value, StringComparer.Ordinal)
        );
    }

    internal static string Name(LedgerEntryKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>A ledger entry as an operator reads it.</summary>
public sealed record LedgerEntryView(
    string OrderId,
    string Provider,
    [property: Description("collected, charged, refunded, flagged or resolved.")] string Kind,
    string Status,
    DateTimeOffset At,
    string? Currency,
    [property: RegularExpression(DecimalText.Pattern)] string? Amount,
    [property: RegularExpression(DecimalText.Pattern)] string? ReceivedAmount,
    [property: RegularExpression(DecimalText.Pattern)] string? Fee,
    [property: Description("Why a person must look (a documented review reason), when it flags money.")]
        string? ReviewReason,
    string? ProviderReference,
    bool ByOperator
)
{
    public static LedgerEntryView From(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new LedgerEntryView(
            entry.OrderId,
            entry.Provider.ToString(),
            CloseTotalsView.Name(entry.Kind),
            entry.Status.ToString(),
            entry.At,
            entry.Currency,
            DecimalText.Of(entry.Amount),
            DecimalText.Of(entry.ReceivedAmount),
            DecimalText.Of(entry.Fee),
            entry.ReviewReason is { } reason ? Payments.Core.Orders.ReviewReasons.Name(reason) : null,
            entry.ProviderReference,
            entry.ByOperator
        );
    }
}
