using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Payments.Core.Secrets;

namespace Payments.Core.HaiPay;

/// <summary>
/// The appId, keys and merchant secret of one currency's account. Parsed keys are cached and re-parsed
/// when the secret store returns a different value (rotation).
/// </summary>
public sealed class HaiPayCredentials(ISecretStore secrets, IOptionsMonitor<HaiPayOptions> options)
{
    private readonly ConcurrentDictionary<string, HaiPayAccountKeys> cache = new(StringComparer.OrdinalIgnoreCase);

    public bool IsConfigured(string currency) => options.CurrentValue.Accounts.ContainsKey(currency);

    /// <summary>The account whose appId is <paramref name="appId"/> (used when a notification names no currency).</summary>
    public string? CurrencyOf(string? appId) =>
        options.CurrentValue.Accounts.FirstOrDefault(a => a.Value.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture) == appId).Key;

    /// <exception cref="InvalidOperationException">No account is configured for the currency.</exception>
    public async Task<HaiPayAccountKeys> GetAsync(string currency, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Accounts.TryGetValue(currency, out var account))
        {
            throw new InvalidOperationException($"No HaiPay account is configured for {currency}.");
        }

        var privateText = await secrets.GetAsync(SecretNames.HaiPayPrivateKey(currency), cancellationToken);
        var secret = await secrets.GetAsync(SecretNames.HaiPayMerchantSecret(currency), cancellationToken);
        var publicText = await secrets.GetAsync(SecretNames.HaiPayPlatformPublicKey(currency), cancellationToken);
        var fingerprint = RequestFingerprint.Of(account.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), privateText, secret, publicText);
        if (cache.TryGetValue(currency, out var cached) && cached.SourceFingerprint == fingerprint)
        {
            return cached;
        }

        var keys = new HaiPayAccountKeys(account.AppId, HaiPayKeys.PrivateKey(privateText), secret, HaiPayKeys.PublicKey(publicText), fingerprint);
        cache[currency] = keys;
        return keys;
    }
}
