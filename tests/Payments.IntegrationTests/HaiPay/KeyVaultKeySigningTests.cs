using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;
using Payments.Core.Secrets;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// The whole service with <c>HaiPay:Signing</c> = <c>KeyVaultKey</c>: HaiPay requests are signed by the merchant key
/// held in the (emulated) vault, the private key secret is never read, a refused sign ends as the provider-unreachable
/// outcome with nothing sent and nothing final, and a bad signing configuration fails start naming the setting.
/// </summary>
public sealed class KeyVaultKeySigningTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string MerchantKey = "HaiPay-USD-MerchantKey";

    [Fact]
    public async Task Collection_SignedByTheVaultKey_HaiPayVerifiesItAndThePrivateKeySecretIsNeverRead()
    {
        await using var vault = await StartVaultAsync();
        await using var system = await StartAsync(azurite, vault);

        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "kvk-collection");

        Assert.False(string.IsNullOrEmpty(payUrl));
        Assert.Equal(1, await system.SandboxAppliesAsync("kvk-collection"));
        Assert.Contains(vault.SignCalls, c => c.Name == MerchantKey && c.Algorithm == "RS256");
        Assert.Equal(0, vault.Reads(SecretNames.HaiPayPrivateKey("USD")));
    }

    [Fact]
    public async Task SecretsStatus_VaultKeySigns_ThePrivateKeySecretIsNotNeeded()
    {
        await using var vault = await StartVaultAsync();
        await using var system = await StartAsync(azurite, vault);
        using var client = system.Server.CreateOperatorClient();

        var status = await client.GetFromJsonAsync<JsonElement>("/api/ops/secrets");

        var needed = status.GetProperty("needed").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains(SecretNames.HaiPayMerchantSecret("USD"), needed);
        Assert.DoesNotContain(SecretNames.HaiPayPrivateKey("USD"), needed);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    public async Task Collection_VaultRefusesTheSign_502UnknownNeverSentNothingFinal(int status)
    {
        await using var vault = await StartVaultAsync();
        await using var system = await StartAsync(azurite, vault);
        vault.KeyFault = status;
        var orderId = $"kvk-refused-{status}";

        var response = await CollectionFlow.CreateAsync(system, CollectionFlow.Request(orderId));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(
            "Unknown",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderStatus").GetString()
        );
        Assert.Equal(0, await system.SandboxAppliesAsync(orderId));
        Assert.Contains(vault.Requests, r =>
            r.Authorized && r.Path.StartsWith($"/keys/{MerchantKey}", StringComparison.Ordinal)
        );
        Assert.Contains(system.Server.Logs.GetSnapshot(), r => r.Id.Id == 3150);
        Assert.Equal(
            "Unknown",
            (await system.WaitForStatusAsync(orderId, "Unknown")).GetProperty("status").GetString()
        );
    }

    [Fact]
    public async Task Start_KeyVaultKeyWithoutAVault_FailsNamingBothSettings()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ServerHost.StartAsync(azurite, new Dictionary<string, string?> { ["HaiPay:Signing"] = "KeyVaultKey" })
        );

        Assert.Contains("HaiPay:Signing", failure.Message, StringComparison.Ordinal);
        Assert.Contains("KeyVault:VaultUri", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Vault")]
    [InlineData("7")]
    public async Task Start_UnknownSigningMode_FailsNamingTheSetting(string mode)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            ServerHost.StartAsync(azurite, new Dictionary<string, string?> { ["HaiPay:Signing"] = mode })
        );

        Assert.Contains("HaiPay:Signing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoSigningSetting_TheLocalKeySigns()
    {
        await using var server = await ServerHost.StartAsync(azurite);

        Assert.IsType<LocalKeySigner>(server.Services.GetRequiredService<IHaiPaySigner>());
    }

    /// <summary>Every secret the service reads except the private key, which is a vault key here.</summary>
    private static Dictionary<string, string> Secrets() =>
        new()
        {
            [SecretNames.HuaweiPinApiKey] = PaymentsSystem.ApiKey,
            [SecretNames.HuaweiPinSecretKey] = PaymentsSystem.SecretKey,
            [SecretNames.HuaweiPinCallbackKey] = PaymentsSystem.CallbackKey,
            [SecretNames.HaiPayMerchantSecret("USD")] = PaymentsSystem.HaiPayMerchantSecret,
            [SecretNames.HaiPayPlatformPublicKey("USD")] = PaymentsSystem.HaiPayKeys.PlatformPublic,
            [SecretNames.IdempotencyFingerprintKey] = ServerHost.FingerprintKey,
        };

    private static async Task<KeyVaultEmulator> StartVaultAsync()
    {
        var vault = await KeyVaultEmulator.StartAsync(Secrets());
        using var merchant = HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.MerchantPrivate);
        vault.ImportKey(MerchantKey, merchant);
        return vault;
    }

    /// <summary>The configured private key secret is made wrong: only the vault key can sign what HaiPay accepts.</summary>
    private static Task<PaymentsSystem> StartAsync(AzuriteFixture azurite, KeyVaultEmulator vault)
    {
        var credential = new StaticTokenCredential();
        using var decoy = System.Security.Cryptography.RSA.Create(2048);
        var settings = new Dictionary<string, string?>
        {
            ["HaiPay:Signing"] = "KeyVaultKey",
            ["KeyVault:VaultUri"] = vault.VaultUri.AbsoluteUri,
            ["Secrets:HaiPay-USD-PrivateKey"] = Convert.ToBase64String(decoy.ExportPkcs8PrivateKey()),
        };
        return PaymentsSystem.StartAsync(azurite, settings, services =>
        {
            services.AddSingleton<TokenCredential>(credential);
            services.AddSingleton(vault.CreateClient(credential));
            services.AddSingleton(vault.CreateKeyClient(credential));
        });
    }
}
