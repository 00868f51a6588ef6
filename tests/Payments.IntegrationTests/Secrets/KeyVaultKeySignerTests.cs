using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Testing;
using Payments.Azure.Signing;
using Payments.Core.HaiPay;
using Payments.IntegrationTests.Fixtures;
using Payments.Testing;

namespace Payments.IntegrationTests.Secrets;

/// <summary>
/// <see cref="KeyVaultKeySigner"/> through the real SDK (<c>KeyClient</c> → <c>CryptographyClient.SignDataAsync</c>)
/// against the HTTPS Key Vault emulator holding the openssl test key: the same known answers as the local signer, the
/// request the vault receives (key, no version, RS256, the SHA-256 digest), rotation, and a refused sign.
/// </summary>
public sealed class KeyVaultKeySignerTests
{
    private const string Key = "HaiPay-USD-MerchantKey";

    [Theory]
    [InlineData(HaiPayKnownAnswers.Canonical1, HaiPayKnownAnswers.Signature1)]
    [InlineData(HaiPayKnownAnswers.Canonical2, HaiPayKnownAnswers.Signature2)]
    public async Task SignAsync_MerchantKeyInTheVault_SameKnownAnswersAsTheLocalSigner(
        string canonical,
        string expected
    )
    {
        await using var vault = await KeyVaultEmulator.StartAsync(new Dictionary<string, string>());
        using var merchant = HaiPayKeys.PrivateKey(HaiPayKnownAnswers.Pem("merchant-pkcs8.pem"));
        vault.ImportKey(Key, merchant);
        var signer = new KeyVaultKeySigner(
            vault.CreateKeyClient(new StaticTokenCredential()),
            new FakeLogger<KeyVaultKeySigner>()
        );

        var signature = await signer.SignAsync("usd", canonical, default);

        Assert.Equal(expected, signature);
        var call = Assert.Single(vault.SignCalls);
        Assert.Equal((Key, (string?)null, "RS256"), (call.Name, call.Version, call.Algorithm));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)), call.Digest);
        Assert.Contains(vault.Requests, r => r.Path == $"/keys/{Key}/sign" && r.Authorized);
    }

    [Fact]
    public async Task SignAsync_NewKeyVersionImported_TheNextCallSignsWithItAndLogsTheVersion()
    {
        await using var vault = await KeyVaultEmulator.StartAsync(new Dictionary<string, string>());
        using var first = HaiPayKeys.PrivateKey(HaiPayKnownAnswers.Pem("merchant-pkcs8.pem"));
        using var second = RSA.Create(2048);
        var firstVersion = vault.ImportKey(Key, first);
        var logs = new FakeLogger<KeyVaultKeySigner>();
        var signer = new KeyVaultKeySigner(vault.CreateKeyClient(new StaticTokenCredential()), logs);
        var before = await signer.SignAsync("USD", HaiPayKnownAnswers.Canonical1, default);

        var secondVersion = vault.ImportKey(Key, second);
        var after = await signer.SignAsync("USD", HaiPayKnownAnswers.Canonical1, default);

        Assert.Equal(HaiPayKnownAnswers.Signature1, before);
        Assert.True(HaiPaySignature.Verify(HaiPayKnownAnswers.Canonical1, after, second));
        Assert.False(HaiPaySignature.Verify(HaiPayKnownAnswers.Canonical1, after, first));
        var versions = logs.Collector.GetSnapshot().Where(r => r.Id.Id == 3151).Select(r => r.Message).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Contains(firstVersion, versions[0], StringComparison.Ordinal);
        Assert.Contains(secondVersion, versions[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    public async Task SignAsync_VaultRefusesOrFails_SigningExceptionNamingTheKeyAndAnErrorLogged(int status)
    {
        await using var vault = await KeyVaultEmulator.StartAsync(new Dictionary<string, string>());
        using var merchant = HaiPayKeys.PrivateKey(HaiPayKnownAnswers.Pem("merchant-pkcs8.pem"));
        vault.ImportKey(Key, merchant);
        vault.KeyFault = status;
        var logs = new FakeLogger<KeyVaultKeySigner>();
        var signer = new KeyVaultKeySigner(vault.CreateKeyClient(new StaticTokenCredential()), logs);

        var failure = await Assert.ThrowsAsync<HaiPaySigningException>(() =>
            signer.SignAsync("USD", HaiPayKnownAnswers.Canonical1, default)
        );

        Assert.Contains(Key, failure.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", failure.Message, StringComparison.Ordinal);
        var logged = Assert.Single(logs.Collector.GetSnapshot(), r => r.Id.Id == 3150);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, logged.Level);
    }
}
