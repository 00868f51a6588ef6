using Payments.Core.Reconciliation;

namespace Payments.Http.Reconciliation;

/// <summary>
/// The answer to an import: what it found (also stored as the day's <c>huaweipin-import</c> run, and each difference
/// listed under <c>GET api/ops/attention?category=reconciliation</c>).
/// </summary>
/// <param name="Day">The UTC day imported, <c>yyyy-MM-dd</c>.</param>
/// <param name="RowsRead">Rows of the export (the header not counted).</param>
/// <param name="Matched">Rows both sides agree on.</param>
/// <param name="Different">
/// Rows with another amount or status than an order we hold as succeeded, or a payment for an order we do not hold.
/// </param>
/// <param name="Flagged">Orders the export says are paid and we did not: now waiting for a person.</param>
/// <param name="OursMissing">Our HUAWEIPIN payments of the day (from the ledger) that the export does not hold.</param>
/// <param name="Unsettled">Ledger rows of the day left out because their order write may still be landing.</param>
public sealed record HuaweiPinImportView(
    string Day,
    int RowsRead,
    int Matched,
    int Different,
    IReadOnlyList<string> Flagged,
    IReadOnlyList<string> OursMissing,
    int Unsettled
)
{
    public static HuaweiPinImportView From(HuaweiPinImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(
            summary.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            summary.RowsRead,
            summary.Matched,
            summary.Different,
            summary.Flagged,
            summary.OursMissing,
            summary.Unsettled
        );
    }
}
