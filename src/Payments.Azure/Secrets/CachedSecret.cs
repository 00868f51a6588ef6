namespace Payments.Azure.Secrets;

/// <summary>A secret value as last read. <see cref="ToString"/> is overridden so the value never reaches a log or a debugger view.</summary>
internal sealed record CachedSecret(string Value, string? Version, DateTimeOffset ReadAt, bool Invalidated)
{
    public bool IsDue(DateTimeOffset now, TimeSpan refreshInterval) => Invalidated || now - ReadAt >= refreshInterval;

    public override string ToString() => $"secret version {Version} read at {ReadAt:O}";
}
