namespace Payments.Core.Reconciliation;

/// <summary>
/// Where reconciliation writes: the differences operators list, and each run's checkpoint and summary (compare-and-swap
/// on its version, so two runners of one day never both advance it).
/// </summary>
public interface IReconciliationLog
{
    /// <summary>Records the difference (replacing one of the same day, source and order).</summary>
    Task RecordAsync(ReconciliationDifference difference, CancellationToken cancellationToken);

    /// <summary>
    /// The run of <paramref name="source"/> for <paramref name="day"/> with its version; null if none ran.
    /// </summary>
    Task<(ReconciliationRun Run, string Version)?> FindRunAsync(
        string source,
        DateOnly day,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Stores the run if the stored one is still <paramref name="version"/> (null: none stored yet); the new version,
    /// or null when another runner changed it first.
    /// </summary>
    Task<string?> TrySaveRunAsync(ReconciliationRun run, string? version, CancellationToken cancellationToken);
}
