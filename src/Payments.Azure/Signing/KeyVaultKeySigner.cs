using System.Collections.Concurrent;
using System.Text;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Keys;
using Azure.Security.KeyVault.Keys.Cryptography;
using Microsoft.Extensions.Logging;
using Payments.Core.HaiPay;

namespace Payments.Azure.Signing;

/// <summary>
/// <see cref="HaiPaySigning.KeyVaultKey"/>: each account's merchant private key is the Key Vault key
/// <see cref="KeyName"/>, imported non-exportable; the SHA-256 digest is computed here and the vault signs it (RS256 =
/// SHA256WithRSA, RSASSA-PKCS1-v1_5), so the private key never enters this process. The key is addressed without a
/// version: every call signs with the vault's current version, so a rotation (a new version imported) takes effect on
/// the next call with no cache to expire; the version in use is logged when it changes. One vault round trip per
/// signed call. A refused or failed sign is a <see cref="HaiPaySigningException"/> (the request is not sent).
/// </summary>
public sealed partial class KeyVaultKeySigner(KeyClient keys, ILogger<KeyVaultKeySigner> logger) : IHaiPaySigner
{
    private readonly ConcurrentDictionary<string, CryptographyClient> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> versions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Key Vault key holding <paramref name="currency"/>'s merchant private key.</summary>
    public static string KeyName(string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        return $"HaiPay-{currency.ToUpperInvariant()}-MerchantKey";
    }

    public async Task<string> SignAsync(string currency, string stringToSign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        var name = KeyName(currency);
        var client = clients.GetOrAdd(name, n => keys.GetCryptographyClient(n));
        SignResult result;
        try
        {
            result = await client.SignDataAsync(
                SignatureAlgorithm.RS256,
                Encoding.UTF8.GetBytes(stringToSign),
                cancellationToken
            );
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException)
        {
            var cause = e is RequestFailedException { Status: > 0 } failed
                ? $"HTTP {failed.Status} {failed.ErrorCode}".TrimEnd()
                : e.GetType().Name;
            LogSignFailed(logger, name, cause);
            throw new HaiPaySigningException($"Key Vault key {name} did not sign ({cause})", e);
        }

        if (result.Signature is not { Length: > 0 })
        {
            LogSignFailed(logger, name, "an empty signature");
            throw new HaiPaySigningException($"Key Vault key {name} returned an empty signature");
        }

        var version = result.KeyId is { } id ? new KeyVaultKeyIdentifier(new Uri(id)).Version : null;
        if (version is not null && (!versions.TryGetValue(name, out var before) || before != version))
        {
            versions[name] = version;
            LogVersion(logger, name, version);
        }

        return Convert.ToBase64String(result.Signature);
    }

    /// <summary>Nothing is cached: every call already signs with the current version.</summary>
    public bool Invalidate(string currency) => false;

    [LoggerMessage(
        EventId = 3150,
        Level = LogLevel.Error,
        Message = "HaiPay request not signed: Key Vault key {Key} refused or failed the sign operation ({Cause}); the "
            + "call counts as no answer. Operator: check the key exists and is enabled and the app's identity holds "
            + "Key Vault Crypto User on the vault"
    )]
    private static partial void LogSignFailed(ILogger logger, string key, string cause);

    [LoggerMessage(
        EventId = 3151,
        Level = LogLevel.Information,
        Message = "HaiPay requests are signed with Key Vault key {Key} version {Version}"
    )]
    private static partial void LogVersion(ILogger logger, string key, string version);
}
