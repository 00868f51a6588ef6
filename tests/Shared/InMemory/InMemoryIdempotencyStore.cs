using Payments.Core.Idempotency;
using Payments.Core.Orders;

namespace Payments.Testing.InMemory;

/// <summary>
/// <see cref="IIdempotencyStore"/> in memory, with the Table store's answers (proven by the storage contract tests):
/// a key is claimed by one insert, then changed or released only at the version read. Thread-safe.
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Versioned<IdempotencyRecord>> keys = new(StringComparer.Ordinal);

    public Task<Versioned<IdempotencyRecord>?> FindAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(keys.GetValueOrDefault(key));
        }
    }

    public Task<string?> TryAddAsync(string key, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (gate)
        {
            var added = new Versioned<IdempotencyRecord>(record, InMemoryKeys.NewVersion());
            return Task.FromResult(keys.TryAdd(key, added) ? added.Version : null);
        }
    }

    public Task<string?> TryReplaceAsync(
        string key,
        IdempotencyRecord record,
        string version,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (gate)
        {
            if (!keys.TryGetValue(key, out var stored) || stored.Version != version)
            {
                return Task.FromResult<string?>(null);
            }

            var replaced = new Versioned<IdempotencyRecord>(record, InMemoryKeys.NewVersion());
            keys[key] = replaced;
            return Task.FromResult<string?>(replaced.Version);
        }
    }

    public Task ReleaseAsync(string key, string version, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (keys.TryGetValue(key, out var stored) && stored.Version == version)
            {
                keys.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var expired = keys.Where(k => k.Value.Value.ExpiresAt < now).Select(k => k.Key).ToList();
            expired.ForEach(key => keys.Remove(key));
            return Task.FromResult(expired.Count);
        }
    }
}
