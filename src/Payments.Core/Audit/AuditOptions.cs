using System.ComponentModel.DataAnnotations;

namespace Payments.Core.Audit;

/// <summary>Audit log settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Summaries of unverified provider messages kept per audit partition (one order's, or one day's for unknown orders);
    /// past it they are only counted. Default 1,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int UnverifiedPerPartition { get; set; } = 1000;
}
