namespace Payments.Azure.Secrets;

/// <summary>
/// A secret as last read: its value, or <see langword="null"/> when the vault did not have it (an optional secret such
/// as the previous webhook secret is absent most of the time, and is not asked for on every use).
/// <see cref="ToString"/> is overridden so the value never reaches a log or a debugger view.
/// </summary>
internal sealed record CachedSecret(string? Value, string? Version, DateTimeOffset ReadAt, bool Invalidated)
{
    public static CachedSecret Missing(DateTimeOffset readAt) => new(null, null, readAt, Invalidated: false);

    /// <summary>
    /// A value is read again after <see cref="KeyVaultOptions.RefreshInterval"/>; an absence after
    /// <see cref="KeyVaultOptions.MinRefreshInterval"/>.
    /// </summary>
    public bool IsDue(DateTimeOffset now, KeyVaultOptions options) => Invalidated || now - ReadAt >= Lifetime(options);

    /// <summary>
    /// What stays cached when the vault did not answer: the same value, tried again after
    /// <see cref="KeyVaultOptions.MinRefreshInterval"/>.
    /// </summary>
    public CachedSecret KeptUntilRetry(DateTimeOffset now, KeyVaultOptions options) =>
        this with
        {
            ReadAt = now - Lifetime(options) + options.MinRefreshInterval,
            Invalidated = false,
        };

    public override string ToString() =>
        Value is null ? $"no secret as of {ReadAt:O}" : $"secret version {Version} read at {ReadAt:O}";

    private TimeSpan Lifetime(KeyVaultOptions options) =>
        Value is null ? options.MinRefreshInterval : options.RefreshInterval;
}
