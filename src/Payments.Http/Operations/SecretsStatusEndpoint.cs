using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;
using Payments.Core.Secrets;

namespace Payments.Http.Operations;

/// <summary>
/// <c>GET api/ops/secrets</c> (operator key): which of the secrets the service needs are absent (or blank) in its
/// secret store, and which the store could not be asked about, by name only: a value, or anything derived from one, is
/// never answered. The needed ones are the HUAWEIPIN keys, each configured HaiPay account's three, the webhook signing
/// secret and the fingerprint key; the two that are set only during a rotation are never needed, nor the private key
/// secret when a Key Vault key signs (<c>HaiPay:Signing</c> = <c>KeyVaultKey</c>). Read by the smoke
/// test after a deployment.
/// </summary>
public sealed class SecretsStatusEndpoint(ISecretStore secrets, IOptionsMonitor<HaiPayOptions> haiPay)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        var needed = Needed(haiPay.CurrentValue);
        var missing = new List<string>();
        var unreadable = new List<string>();
        foreach (var name in needed)
        {
            try
            {
                await secrets.GetAsync(name, cancellationToken);
            }
            catch (SecretNotFoundException)
            {
                missing.Add(name);
            }
            catch (SecretUnavailableException)
            {
                unreadable.Add(name);
            }
        }

        return Results.Ok(new SecretsStatusView(needed, missing, unreadable));
    }

    /// <summary>The secrets the service reads to take and complete payments, in a stable order.</summary>
    public static IReadOnlyList<string> Needed(HaiPayOptions haiPay)
    {
        ArgumentNullException.ThrowIfNull(haiPay);
        return
        [
            SecretNames.HuaweiPinApiKey,
            SecretNames.HuaweiPinSecretKey,
            SecretNames.HuaweiPinCallbackKey,
            .. haiPay
                .Accounts.Keys.Order(StringComparer.OrdinalIgnoreCase)
                .SelectMany(currency =>
                    new[]
                    {
                        haiPay.Signing == HaiPaySigning.LocalKey ? SecretNames.HaiPayPrivateKey(currency) : null,
                        SecretNames.HaiPayMerchantSecret(currency),
                        SecretNames.HaiPayPlatformPublicKey(currency),
                    }.OfType<string>()
                ),
            SecretNames.WebhookSigningSecret,
            SecretNames.IdempotencyFingerprintKey,
        ];
    }
}
