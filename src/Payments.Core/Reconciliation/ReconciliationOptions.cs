using System.ComponentModel.DataAnnotations;

namespace Payments.Core.Reconciliation;

/// <summary>How reconciliation runs (section <c>Reconciliation</c>).</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>
    /// An open HaiPay order (with a scheduled check) created longer ago than this is asked about by every run, whatever
    /// day it reconciles. Default: 1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The most HaiPay queries a run makes per second (paced by the clock); 0: not paced. Default 5, a small share of
    /// what one account may ask.
    /// </summary>
    [Range(0, 1000)]
    public double QueriesPerSecond { get; set; } = 5;

    /// <summary>The most open orders one run asks about besides the day's changes. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxOpenPerRun { get; set; } = 10_000;
}
