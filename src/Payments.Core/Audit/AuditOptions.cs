using System.ComponentModel.DataAnnotations;

namespace Payments.Core.Audit;

/// <summary>Audit log settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Summaries of unverified provider messages kept per audit partition (one order's in one month, or one day's for
    /// unknown orders); past it they are only counted. Default 1,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int UnverifiedPerPartition { get; set; } = 1000;

    /// <summary>
    /// Default 400 days (at least 1 day, at most 10 years): audit records are kept at least this long. The purge job
    /// deletes a month's records once the end of that month is this long ago, so a record goes at most a month after
    /// its retention.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// Whether the audit purge job drops the month tables past <see cref="Retention"/> (default true). False on Azure,
    /// where the app's role cannot delete a table: the job then leaves those months to an operator and reports them
    /// once per run (docs/operations.md, "Expired audit months").
    /// </summary>
    public bool DropExpiredMonths { get; set; } = true;
}
