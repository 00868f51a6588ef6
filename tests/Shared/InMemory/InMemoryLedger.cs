using System.Runtime.CompilerServices;
using Payments.Core.Ledger;

namespace Payments.Testing.InMemory;

/// <summary>
/// <see cref="ILedger"/> in memory, with the Table ledger's answers (proven by the storage contract tests): a row per
/// day and key, an insert that keeps an existing row, rows read in key order. Thread-safe.
/// </summary>
public sealed class InMemoryLedger : ILedger
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<(DateOnly Day, string Key), LedgerRow> rows = new(
        Comparer<(DateOnly Day, string Key)>.Create(
            (a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : string.CompareOrdinal(a.Key, b.Key)
        )
    );

    public Task WriteAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            rows.TryAdd((entry.Day, entry.Key), new LedgerRow(entry, Confirmed: false));
        }

        return Task.CompletedTask;
    }

    public Task ConfirmAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            rows[(entry.Day, entry.Key)] = new LedgerRow(entry, Confirmed: true);
        }

        return Task.CompletedTask;
    }

    public Task DropAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            rows.Remove((entry.Day, entry.Key));
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<LedgerRow> ReadDayAsync(
        DateOnly day,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        LedgerRow[] found;
        lock (gate)
        {
            found = [.. rows.Where(r => r.Key.Day == day).Select(r => r.Value)];
        }

        foreach (var row in found)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
