using Payments.Core.Operations;
using Payments.Core.Reconciliation;

namespace Payments.Testing.InMemory;

/// <summary>
/// <see cref="IReconciliationLog"/> in memory, with the Table log's answers (proven by the storage contract tests): one
/// difference per day, source and order (listed newest day first), runs replaced by compare-and-swap. Thread-safe.
/// </summary>
public sealed class InMemoryReconciliationLog : IReconciliationLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, AttentionItem> differences = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, DateOnly Day), (ReconciliationRun Run, string Version)> runs = [];

    public Task RecordAsync(ReconciliationDifference difference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(difference);
        var key = InMemoryKeys.TimeKey(
            DateTimeOffset.MaxValue.UtcTicks - difference.Since.UtcTicks,
            difference.Identity
        );
        lock (gate)
        {
            differences[key] = difference.Item();
        }

        return Task.CompletedTask;
    }

    public Task<(ReconciliationRun Run, string Version)?> FindRunAsync(
        string source,
        DateOnly day,
        CancellationToken cancellationToken
    )
    {
        lock (gate)
        {
            return Task.FromResult<(ReconciliationRun, string)?>(
                runs.TryGetValue((source, day), out var run) ? run : null
            );
        }
    }

    public Task<string?> TrySaveRunAsync(ReconciliationRun run, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (gate)
        {
            var exists = runs.TryGetValue((run.Source, run.Day), out var stored);
            if (exists ? stored.Version != version : version is not null)
            {
                return Task.FromResult<string?>(null);
            }

            var next = InMemoryKeys.NewVersion();
            runs[(run.Source, run.Day)] = (run, next);
            return Task.FromResult<string?>(next);
        }
    }

    /// <summary>The differences as the listing reads them: key, item.</summary>
    internal IReadOnlyList<(string Key, AttentionItem Item)> Differences()
    {
        lock (gate)
        {
            return [.. differences.Select(d => (d.Key, d.Value))];
        }
    }
}
