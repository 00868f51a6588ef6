using Azure.Core;
using Azure.Security.KeyVault.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Payments.Azure.Secrets;
using Payments.Core.HaiPay;

namespace Payments.Azure.Signing;

public static class HaiPaySigningRegistration
{
    /// <summary>
    /// The <see cref="IHaiPaySigner"/> that <c>HaiPay:Signing</c> names, chosen once when first needed (after the
    /// options were validated on start): <see cref="LocalKeySigner"/> or <see cref="KeyVaultKeySigner"/> over a
    /// <see cref="KeyClient"/> for <c>KeyVault:VaultUri</c> with the registered <see cref="TokenCredential"/>.
    /// Needs <see cref="HaiPayOptions"/> bound and the secrets registered (<c>AddPaymentsSecrets</c>).
    /// </summary>
    public static IServiceCollection AddHaiPaySigning(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<HaiPayOptions>, HaiPaySigningValidator>();
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value;
            var clientOptions = new KeyClientOptions { Retry = { MaxRetries = 2, NetworkTimeout = settings.Timeout } };
            return new KeyClient(
                settings.VaultUri ?? throw new InvalidOperationException("KeyVault:VaultUri is not set."),
                sp.GetRequiredService<TokenCredential>(),
                clientOptions
            );
        });
        services.AddSingleton<LocalKeySigner>();
        services.AddSingleton<IHaiPaySigner>(sp =>
            sp.GetRequiredService<IOptions<HaiPayOptions>>().Value.Signing == HaiPaySigning.KeyVaultKey
                ? ActivatorUtilities.CreateInstance<KeyVaultKeySigner>(sp)
                : sp.GetRequiredService<LocalKeySigner>()
        );
        return services;
    }
}
