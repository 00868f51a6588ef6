namespace Payments.Core.Reconciliation;

/// <summary>
/// One source's reconciliation of one UTC day: where it is (<see cref="Cursor"/>: the last order it finished, within
/// <see cref="Phase"/>), so a crash resumes after it, and what it found so far.
/// </summary>
public sealed record ReconciliationRun
{
    public required string Source { get; init; }
    public required DateOnly Day { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>
    /// Until when the runner advancing an unfinished run holds it (renewed with each checkpoint): another runner of the
    /// day is refused before then, and resumes the run after (its runner died).
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>
    /// Which candidates the run is on (a source's own names, e.g. <c>changed</c>, <c>open</c>, <c>done</c>).
    /// </summary>
    public string Phase { get; init; } = "start";

    /// <summary>The key of the last candidate finished in <see cref="Phase"/>; null at its start.</summary>
    public string? Cursor { get; init; }

    /// <summary>Orders compared.</summary>
    public int Checked { get; init; }

    /// <summary>Orders both sides agree on.</summary>
    public int Matched { get; init; }

    /// <summary>Orders with a difference (each listed for a person).</summary>
    public int Different { get; init; }

    /// <summary>Orders the provider did not answer about (asked again by the next run).</summary>
    public int Unanswered { get; init; }

    /// <summary>Provider queries made (at most one per order per run).</summary>
    public int Queries { get; init; }

    public bool IsDone => FinishedAt is not null;
}
