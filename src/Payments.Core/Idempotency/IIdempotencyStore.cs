using Payments.Core.Orders;

namespace Payments.Core.Idempotency;

/// <summary>Remembered idempotency keys. Every write is a compare-and-swap, so one request wins each key.</summary>
public interface IIdempotencyStore
{
    Task<Versioned<IdempotencyRecord>?> FindAsync(string key, CancellationToken cancellationToken);

    /// <returns>The new version, or null when the key is already stored.</returns>
    Task<string?> TryAddAsync(string key, IdempotencyRecord record, CancellationToken cancellationToken);

    /// <returns>The new version, or null when the stored version is no longer <paramref name="version"/>.</returns>
    Task<string?> TryReplaceAsync(
        string key,
        IdempotencyRecord record,
        string version,
        CancellationToken cancellationToken
    );

    /// <summary>Forgets the key if it is still at <paramref name="version"/>.</summary>
    Task ReleaseAsync(string key, string version, CancellationToken cancellationToken);

    /// <summary>Deletes keys that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
