namespace Payments.Core.Reconciliation;

/// <summary>
/// What an import of a day's HUAWEIPIN export found: rows read; rows both sides agree on; rows that differ from an
/// order we hold as succeeded or name an order we do not hold (<see cref="Different"/>); orders handed to a person
/// because the export says paid and we do not (<see cref="Flagged"/>); and our HUAWEIPIN payments of the day that the
/// export does not hold (<see cref="OursMissing"/>). Each difference is also a <c>reconciliation</c> attention row.
/// </summary>
public sealed record HuaweiPinImportSummary(
    DateOnly Day,
    int RowsRead,
    int Matched,
    int Different,
    IReadOnlyList<string> Flagged,
    IReadOnlyList<string> OursMissing,
    int Unsettled
);
