using System.Collections.Concurrent;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Secrets;
using Payments.Core.Telemetry;
using Payments.Core.Text;

namespace Payments.Azure.Secrets;

/// <summary>
/// Secrets from Azure Key Vault, cached in memory: read on first use (never at start-up), again after
/// <see cref="KeyVaultOptions.RefreshInterval"/> or after an <see cref="Invalidate"/> (at most once per
/// <see cref="KeyVaultOptions.MinRefreshInterval"/>), one read in flight per secret however many callers wait. A secret
/// the vault does not have is asked for again after <see cref="KeyVaultOptions.MinRefreshInterval"/>, not on every use.
/// When the vault does not answer, the last value (or absence) keeps serving. Values are never logged: names and
/// versions only. Each read is counted (<see cref="IPaymentsMetrics.SecretRead"/>): an answer, including "no such
/// secret", is a success; no answer or a refused credential a failure.
/// </summary>
public sealed partial class KeyVaultSecretStore(
    SecretClient client,
    IOptionsMonitor<KeyVaultOptions> options,
    TimeProvider time,
    ILogger<KeyVaultSecretStore> logger,
    IPaymentsMetrics metrics
) : ISecretStore
{
    private readonly ConcurrentDictionary<string, CachedSecret> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> reads = new(StringComparer.Ordinal);

    public async ValueTask<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(name, out var cached) && !cached.IsDue(time.GetUtcNow(), options.CurrentValue))
        {
            return cached.Value ?? throw new SecretNotFoundException(name);
        }

        var read = reads.GetOrAdd(name, n => new Lazy<Task<string>>(() => ReadAsync(n)));
        try
        {
            return await read.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            reads.TryRemove(KeyValuePair.Create(name, read));
        }
    }

    public bool Invalidate(string name)
    {
        var now = time.GetUtcNow();
        if (
            !cache.TryGetValue(name, out var cached)
            || cached.Invalidated
            || now - cached.ReadAt < options.CurrentValue.MinRefreshInterval
        )
        {
            return false;
        }

        var invalidated = cache.TryUpdate(name, cached with { Invalidated = true }, cached);
        if (invalidated)
        {
            LogInvalidated(logger, name);
        }

        return invalidated;
    }

    /// <summary>
    /// Shared by every waiting caller, so no single caller's cancellation ends it; the client's own timeouts bound it.
    /// </summary>
    private async Task<string> ReadAsync(string name)
    {
        try
        {
            var secret = (await client.GetSecretAsync(name, cancellationToken: CancellationToken.None)).Value;
            if (string.IsNullOrWhiteSpace(secret.Value))
            {
                throw new RequestFailedException(404, $"Secret {name} is blank; a blank value is never a key.");
            }

            SecretRedaction.Register(secret.Value);
            cache[name] = new CachedSecret(
                secret.Value,
                secret.Properties.Version,
                time.GetUtcNow(),
                Invalidated: false
            );
            metrics.SecretRead(success: true);
            LogRead(logger, name, secret.Properties.Version);
            return secret.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            cache[name] = CachedSecret.Missing(time.GetUtcNow());
            metrics.SecretRead(success: true);
            LogNotFound(logger, name);
            throw new SecretNotFoundException(name);
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException)
        {
            metrics.SecretRead(success: false);
            if (cache.TryGetValue(name, out var stale))
            {
                cache[name] = stale.KeptUntilRetry(time.GetUtcNow(), options.CurrentValue);
                LogStale(logger, name, stale.Version ?? "none (the secret was absent)", e.GetType().Name);
                return stale.Value ?? throw new SecretNotFoundException(name);
            }

            LogUnavailable(logger, name, e.GetType().Name);
            throw new SecretUnavailableException(name, e);
        }
    }

    [LoggerMessage(
        EventId = 3101,
        Level = LogLevel.Information,
        Message = "Read secret {Name} version {Version} from Key Vault"
    )]
    private static partial void LogRead(ILogger logger, string name, string? version);

    [LoggerMessage(
        EventId = 3102,
        Level = LogLevel.Information,
        Message = "Secret {Name} was rejected or did not verify; it is read again on next use"
    )]
    private static partial void LogInvalidated(ILogger logger, string name);

    [LoggerMessage(
        EventId = 3103,
        Level = LogLevel.Warning,
        Message = "Key Vault did not answer for secret {Name} ({Error}); still using version {Version}"
    )]
    private static partial void LogStale(ILogger logger, string name, string version, string error);

    [LoggerMessage(
        EventId = 3104,
        Level = LogLevel.Error,
        Message = "Key Vault did not answer for secret {Name} ({Error}) and no earlier value is cached"
    )]
    private static partial void LogUnavailable(ILogger logger, string name, string error);

    [LoggerMessage(
        EventId = 3105,
        Level = LogLevel.Debug,
        Message = "Secret {Name} is not in Key Vault; asked for again after the minimum refresh interval"
    )]
    private static partial void LogNotFound(ILogger logger, string name);
}
