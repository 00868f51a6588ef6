using System.Net;
using System.Security.Cryptography;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Secrets;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Webhooks;

/// <summary>
/// The webhook signing secrets are checked when the Server starts and whenever they are read again: a malformed one
/// (no <c>whsec_</c> prefix, not Base64, under 24 bytes) stops the start naming the setting, or, read later from the
/// vault, turns <c>/api/health</c> unhealthy and is logged as an error naming the secret; its value is never shown.
/// </summary>
public sealed class SigningSecretCheckTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Url = "http://127.0.0.1:9/webhooks";

    public static TheoryData<string, string> Malformed =>
        new()
        {
            { SecretNames.WebhookSigningSecret, "YS0zMi1ieXRlLXNlY3JldC13aXRob3V0LXByZWZpeCE=" },
            { SecretNames.WebhookSigningSecret, "whsec_not-base64-at-all!!-but-long-enough-3f9a" },
            { SecretNames.WebhookSigningSecret, "whsec_c2l4dGVlbi1ieXRlcy0xNg==" },
            { SecretNames.WebhookPreviousSigningSecret, "previous-secret-without-prefix-77c2d1e0" },
        };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedSecret_ServerDoesNotStart_MessageNamesTheSettingNotItsValue(string name, string value)
    {
        var settings = Valid();
        settings[$"Secrets:{name}"] = value;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => PaymentsSystem.StartAsync(azurite, settings));

        Assert.Contains($"Secrets:{name}", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedSecretWithoutAnEndpoint_ServerStarts()
    {
        var settings = Valid();
        settings["Webhooks:Url"] = string.Empty;
        settings[$"Secrets:{SecretNames.WebhookSigningSecret}"] = "not-a-standard-webhooks-secret-1b7e";

        await using var system = await PaymentsSystem.StartAsync(azurite, settings);

        using var client = system.Server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SecretRotatedInTheVaultToAMalformedOne_HealthUnhealthyAndAnErrorNamesIt()
    {
        const string Bad = "whsec_rotated-by-hand-and-not-base64!!-5e0c";
        await using var vault = await KeyVaultEmulator.StartAsync(
            new Dictionary<string, string>
            {
                [SecretNames.IdempotencyFingerprintKey] = ServerHost.FingerprintKey,
                [SecretNames.WebhookSigningSecret] = Secret(),
            }
        );
        var credential = new StaticTokenCredential();
        var settings = Valid();
        settings["KeyVault:VaultUri"] = vault.VaultUri.AbsoluteUri;
        settings["KeyVault:RefreshInterval"] = "00:00:01";
        settings["KeyVault:MinRefreshInterval"] = "00:00:00.500";
        await using var system = await PaymentsSystem.StartAsync(azurite, settings, services =>
        {
            services.AddSingleton<TokenCredential>(credential);
            services.AddSingleton(vault.CreateClient(credential));
        });
        using var client = system.Server.CreateAnonymousClient();
        var health = new Uri("/api/health", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(health)).StatusCode);

        vault.Set(SecretNames.WebhookSigningSecret, Bad);
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        using var unhealthy = await client.GetAsync(health);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.DoesNotContain(Bad, await unhealthy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var lines = system.Server.Logs.Lines();
        Assert.Contains(lines, l =>
            l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(SecretNames.WebhookSigningSecret)
        );
        Assert.DoesNotContain(lines, l => l.Contains(Bad, StringComparison.Ordinal));
    }

    private static string Secret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static Dictionary<string, string?> Valid() =>
        new()
        {
            ["Webhooks:Url"] = Url,
            [$"Secrets:{SecretNames.WebhookSigningSecret}"] = Secret(),
            [$"Secrets:{SecretNames.WebhookPreviousSigningSecret}"] = string.Empty,
        };
}
