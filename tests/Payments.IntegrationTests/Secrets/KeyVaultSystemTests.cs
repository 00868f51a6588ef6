using System.Net;
using System.Net.Http.Json;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.HuaweiPin;
using Payments.Core.Secrets;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Secrets;

/// <summary>
/// The whole service with its provider secrets in Key Vault (the HTTPS emulator) instead of configuration.
/// </summary>
public sealed class KeyVaultSystemTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string RotatedCallbackKey = "rotated-callback-key-2d9b";
    private const string RotatedMerchantSecret = "rotated-haipay-merchant-secret-6c41";

    /// <summary>
    /// Secrets are read on first use, except the fingerprint key, which is checked on start (a missing or blank one
    /// stops the host); after that each secret is read once across payments.
    /// </summary>
    [Fact]
    public async Task Server_SecretsInTheVault_OnlyTheFingerprintKeyReadAtStartThenEachSecretReadOnceAcrossPayments()
    {
        await using var vault = await StartVaultAsync();
        await using var system = await StartAsync(azurite, vault);
        var atStart = Secrets().Keys.Where(name => vault.Reads(name) > 0).ToList();

        var iframe = await FrameFlow.CreatedIframeUrlAsync(system, "kv-frame");
        await FrameFlow.PayAsync(iframe, "30.00", "success");
        await system.WaitForStatusAsync("kv-frame", "Succeeded");
        await FrameFlow.CreatedIframeUrlAsync(system, "kv-frame-2");
        await CollectionFlow.CreatedPayUrlAsync(system, "kv-collection");
        await CollectionFlow.CreatedPayUrlAsync(system, "kv-collection-2");

        Assert.Equal([SecretNames.IdempotencyFingerprintKey], atStart);
        Assert.All(Secrets(), s => Assert.Equal(1, vault.Reads(s.Key)));
    }

    [Fact]
    public async Task Callback_KeyRotatedInTheVault_AcceptedWithoutARestartAndForgeriesCostAtMostOneRead()
    {
        await using var vault = await StartVaultAsync();
        await using var system = await StartAsync(azurite, vault);
        await FrameFlow.CreatedIframeUrlAsync(system, "kv-rotate-1");
        await FrameFlow.CreatedIframeUrlAsync(system, "kv-rotate-2");
        Assert.Equal(
            HttpStatusCode.OK,
            (await PostCallbackAsync(system, "kv-rotate-1", PaymentsSystem.CallbackKey)).StatusCode
        );

        vault.Set(SecretNames.HuaweiPinCallbackKey, RotatedCallbackKey);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var rotated = await PostCallbackAsync(system, "kv-rotate-2", RotatedCallbackKey);
        var readsAfterRotation = vault.Reads(SecretNames.HuaweiPinCallbackKey);
        var forged = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(_ => PostCallbackAsync(system, "kv-rotate-2", "forged-key"))
        );

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        await system.WaitForStatusAsync("kv-rotate-2", "Succeeded");
        Assert.Equal(2, readsAfterRotation);
        Assert.All(forged, f => Assert.Equal(HttpStatusCode.Unauthorized, f.StatusCode));
        Assert.Equal(readsAfterRotation, vault.Reads(SecretNames.HuaweiPinCallbackKey));
    }

    [Fact]
    public async Task Collection_MerchantSecretRotatedAtHaiPayAndInTheVault_SignRefusalRereadsKeysAndTheRepeatSucceeds()
    {
        await using var vault = await StartVaultAsync();
        await using var system = await StartAsync(azurite, vault);
        await CollectionFlow.CreatedPayUrlAsync(system, "kv-hpy-before");
        vault.Set(SecretNames.HaiPayMerchantSecret("USD"), RotatedMerchantSecret);
        await system.SetHaiPayFaultsAsync(new { merchantSecret = RotatedMerchantSecret });
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        var refused = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("kv-hpy-rotated"));
        var repeated = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("kv-hpy-rotated"));

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal(
            "Unknown",
            (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())
                .GetProperty("orderStatus")
                .GetString()
        );
        Assert.Equal(HttpStatusCode.Created, repeated.StatusCode);
        Assert.Equal(
            "Pending",
            (await repeated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString()
        );
        Assert.Equal(2, vault.Reads(SecretNames.HaiPayMerchantSecret("USD")));
    }

    [Fact]
    public async Task Refund_MerchantSecretRotatedAtHaiPayAndInTheVault_SignRefusalRereadsKeysAndTheRepeatIsAppliedAgain()
    {
        await using var vault = await StartVaultAsync();
        await using var system = await StartAsync(azurite, vault);
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "kv-hpy-refunded");
        await CollectionFlow.CompleteAsync(payUrl, "success");
        await system.WaitForStatusAsync("kv-hpy-refunded", "Succeeded");
        vault.Set(SecretNames.HaiPayMerchantSecret("USD"), RotatedMerchantSecret);
        await system.SetHaiPayFaultsAsync(new { merchantSecret = RotatedMerchantSecret });
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        var refused = await CollectionFlow.RefundAsync(system, "kv-hpy-refunded", new { refundId = "kv-hpy-refund" });
        var repeated = await CollectionFlow.RefundAsync(system, "kv-hpy-refunded", new { refundId = "kv-hpy-refund" });

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal(
            "Unknown",
            (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())
                .GetProperty("orderStatus")
                .GetString()
        );
        Assert.Equal(HttpStatusCode.Created, repeated.StatusCode);
        Assert.Equal(
            "Pending",
            (await repeated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString()
        );
    }

    [Fact]
    public async Task CreateFrame_VaultDownAndNothingCached_503WithRetryAfterAndNoProviderCall()
    {
        await using var vault = await StartVaultAsync();
        await using var system = await StartAsync(azurite, vault);
        vault.Down = true;

        var response = await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = "kv-down",
                username = "alice",
                customerIp = "203.0.113.7",
            }
        );

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("Retry-After"));
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Secrets() =>
        new()
        {
            [SecretNames.HuaweiPinApiKey] = PaymentsSystem.ApiKey,
            [SecretNames.HuaweiPinSecretKey] = PaymentsSystem.SecretKey,
            [SecretNames.HuaweiPinCallbackKey] = PaymentsSystem.CallbackKey,
            [SecretNames.HaiPayPrivateKey("USD")] = PaymentsSystem.HaiPayKeys.MerchantPrivate,
            [SecretNames.HaiPayMerchantSecret("USD")] = PaymentsSystem.HaiPayMerchantSecret,
            [SecretNames.HaiPayPlatformPublicKey("USD")] = PaymentsSystem.HaiPayKeys.PlatformPublic,
            [SecretNames.IdempotencyFingerprintKey] = ServerHost.FingerprintKey,
        };

    private static Task<KeyVaultEmulator> StartVaultAsync() => KeyVaultEmulator.StartAsync(Secrets());

    /// <summary>The configuration secrets are made wrong, so only the vault can make payments work.</summary>
    private static Task<PaymentsSystem> StartAsync(AzuriteFixture azurite, KeyVaultEmulator vault)
    {
        var credential = new StaticTokenCredential();
        var settings = new Dictionary<string, string?>
        {
            ["KeyVault:VaultUri"] = vault.VaultUri.AbsoluteUri,
            ["KeyVault:MinRefreshInterval"] = "00:00:00.500",
        };
        foreach (var name in Secrets().Keys)
        {
            settings[$"Secrets:{name}"] = "configuration-is-not-used";
        }

        return PaymentsSystem.StartAsync(azurite, settings, services =>
        {
            services.AddSingleton<TokenCredential>(credential);
            services.AddSingleton(vault.CreateClient(credential));
        });
    }

    private static async Task<HttpResponseMessage> PostCallbackAsync(PaymentsSystem system, string oid, string key)
    {
        using var client = system.Server.CreateAnonymousClient();
        return await client.PostAsJsonAsync(
            "/api/huaweipin/callback",
            new Dictionary<string, string>
            {
                ["merchant_oid"] = oid,
                ["merchant_callback_privatekey"] = key,
                ["status"] = "success",
                ["amount"] = "30.00",
                ["hash"] = HuaweiPinHash.Compute(oid, "30.00", key),
            }
        );
    }
}
