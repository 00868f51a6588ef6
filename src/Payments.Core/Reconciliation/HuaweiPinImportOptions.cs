using System.ComponentModel.DataAnnotations;

namespace Payments.Core.Reconciliation;

/// <summary>
/// How a HUAWEIPIN transaction export (merchant panel, API transactions, as CSV) is read (section
/// <c>Reconciliation:HuaweiPin</c>). The export's layout is not published: the default column names are those of the
/// callback's fields (<c>merchant_oid</c>, <c>amount</c>, <c>status</c>) and <c>date</c>, and its paid status that of
/// the callback (<c>success</c>); amounts are decimal text in major units and times UTC unless they carry an offset.
/// Set the names to what the panel writes.
/// </summary>
public sealed class HuaweiPinImportOptions : IValidatableObject
{
    public const string Section = "Reconciliation:HuaweiPin";

    /// <summary>The column holding our order id (the frame's <c>merchant_oid</c>).</summary>
    [Required]
    public string OrderIdColumn { get; set; } = "merchant_oid";

    /// <summary>The column holding the amount paid (decimal text, major units).</summary>
    [Required]
    public string AmountColumn { get; set; } = "amount";

    /// <summary>The column holding the transaction's status.</summary>
    [Required]
    public string StatusColumn { get; set; } = "status";

    /// <summary>The column holding when the transaction happened (ISO 8601; UTC unless it carries an offset).</summary>
    [Required]
    public string TimeColumn { get; set; } = "date";

    /// <summary>Status texts meaning paid (case-insensitive). Default <c>success</c>.</summary>
    public IList<string> PaidStatuses { get; } = [];

    /// <summary>Further columns the export carries and the import ignores; any other column is refused.</summary>
    public IList<string> IgnoredColumns { get; } = [];

    /// <summary>The largest export accepted, in bytes. Default 5 MiB.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most rows accepted (the header not counted). Default 100,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 100_000;

    public IEnumerable<string> EffectivePaidStatuses => PaidStatuses.Count > 0 ? PaidStatuses : ["success"];

    /// <summary>The four columns read, in order: order id, amount, status, time.</summary>
    public IReadOnlyList<string> Columns => [OrderIdColumn, AmountColumn, StatusColumn, TimeColumn];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = Columns.Concat(IgnoredColumns).ToList();
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult($"{Section}: a column name is blank.");
        }
        else if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
        {
            yield return new ValidationResult(
                $"{Section}: OrderIdColumn, AmountColumn, StatusColumn, TimeColumn and IgnoredColumns must name "
                    + "different columns."
            );
        }
    }
}
