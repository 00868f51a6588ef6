using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Payments.Core.Secrets;

namespace Payments.Core.HaiPay;

/// <summary>
/// The appId, platform key and merchant secret of one currency's account (the merchant private key is the
/// <see cref="IHaiPaySigner"/>'s). The parsed key is cached and re-parsed when the secret store returns a different
/// value (rotation); the check is a plain string comparison.
/// </summary>
public sealed class HaiPayCredentials(ISecretStore secrets, IOptionsMonitor<HaiPayOptions> options)
{
    private readonly ConcurrentDictionary<string, Parsed> cache = new(StringComparer.OrdinalIgnoreCase);

    public bool IsConfigured(string currency) => options.CurrentValue.Accounts.ContainsKey(currency);

    /// <summary>
    /// The account whose appId is <paramref name="appId"/> (used when a notification names no currency).
    /// </summary>
    public string? CurrencyOf(string? appId) =>
        options
            .CurrentValue.Accounts.FirstOrDefault(a =>
                a.Value.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture) == appId
            )
            .Key;

    /// <summary>
    /// The configured account a message names: its <c>currency</c>, else the one its <c>appId</c> belongs to; null when
    /// neither is configured.
    /// </summary>
    public string? AccountOf(System.Text.Json.JsonElement body)
    {
        var currency = HaiPayEnvelope.Scalar(body, "currency")?.ToUpperInvariant();
        return currency is not null && IsConfigured(currency)
            ? currency
            : CurrencyOf(HaiPayEnvelope.Scalar(body, "appId"));
    }

    /// <summary>
    /// Null when <paramref name="body"/> carries a valid signature of <paramref name="account"/>, the account it names
    /// (<see cref="AccountOf"/>); otherwise which check failed (<c>account</c>: no configured account;
    /// <c>signature</c>). A failed signature may mean a rotated key: the account's secrets are read again once.
    /// </summary>
    public async Task<string?> FailedCheckAsync(
        string? account,
        System.Text.Json.JsonElement body,
        CancellationToken cancellationToken
    )
    {
        if (account is not { } currency)
        {
            return "account";
        }

        var keys = await GetAsync(currency, cancellationToken);
        if (HaiPaySignature.VerifyObject(body, keys.MerchantSecret, keys.PlatformKey))
        {
            return null;
        }

        if (!Invalidate(currency))
        {
            return "signature";
        }

        keys = await GetAsync(currency, cancellationToken);
        return HaiPaySignature.VerifyObject(body, keys.MerchantSecret, keys.PlatformKey) ? null : "signature";
    }

    /// <exception cref="InvalidOperationException">No account is configured for the currency.</exception>
    public async Task<HaiPayAccountKeys> GetAsync(string currency, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Accounts.TryGetValue(currency, out var account))
        {
            throw new InvalidOperationException($"No HaiPay account is configured for {currency}.");
        }

        var secret = await secrets.GetAsync(SecretNames.HaiPayMerchantSecret(currency), cancellationToken);
        var publicText = await secrets.GetAsync(SecretNames.HaiPayPlatformPublicKey(currency), cancellationToken);
        if (
            cache.TryGetValue(currency, out var cached)
            && cached.Keys.AppId == account.AppId
            && cached.Keys.MerchantSecret == secret
            && cached.PublicText == publicText
        )
        {
            return cached.Keys;
        }

        var keys = new HaiPayAccountKeys(account.AppId, secret, HaiPayKeys.PublicKey(publicText));
        cache[currency] = new Parsed(publicText, keys);
        return keys;
    }

    /// <summary>
    /// A signature did not verify or HaiPay rejected ours: the account's secrets may have been rotated (the private key
    /// is the signer's: <see cref="IHaiPaySigner.Invalidate"/>).
    /// </summary>
    /// <returns>True when the next <see cref="GetAsync"/> reads them again (worth one more try).</returns>
    public bool Invalidate(string currency) =>
        secrets.Invalidate(SecretNames.HaiPayPlatformPublicKey(currency))
        | secrets.Invalidate(SecretNames.HaiPayMerchantSecret(currency));

    /// <summary>
    /// Parsed keys and the secret text they came from, to notice a rotation (a class: no generated ToString).
    /// </summary>
    private sealed class Parsed(string publicText, HaiPayAccountKeys keys)
    {
        public string PublicText { get; } = publicText;
        public HaiPayAccountKeys Keys { get; } = keys;
    }
}
