using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Payments.Azure;
using Payments.Azure.Secrets;
using Payments.Core.Secrets;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Secrets;

/// <summary>The Key Vault secret store with the real SecretClient against an HTTPS Key Vault endpoint.</summary>
public sealed class KeyVaultSecretStoreTests : IAsyncLifetime
{
    private const string Name = "HaiPay-USD-MerchantSecret";
    private const string First = "kv-secret-version-one-4b1e";
    private const string Second = "kv-secret-version-two-77c0";
    private const string Absent = "Webhooks-PreviousSigningSecret";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly StaticTokenCredential credential = new();
    private readonly FakeLogCollector logs = new();
    private KeyVaultEmulator vault = null!;
    private ServiceProvider services = null!;

    private ISecretStore Store => services.GetRequiredService<ISecretStore>();

    public async Task InitializeAsync()
    {
        vault = await KeyVaultEmulator.StartAsync(new Dictionary<string, string> { [Name] = First });
        services = Services(vault.VaultUri.AbsoluteUri);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await vault.DisposeAsync();
    }

    [Fact]
    public async Task GetAsync_FirstRead_AnswersTheChallengeWithAVaultScopedToken()
    {
        var value = await Store.GetAsync(Name, default);

        Assert.Equal(First, value);
        Assert.Equal([false, true], vault.Requests.Select(r => r.Authorized));
        Assert.Contains("https://vault.azure.net/.default", credential.Scopes);
    }

    [Fact]
    public async Task Resolve_StoreBuilt_NoVaultCallBeforeFirstUse()
    {
        Assert.IsType<KeyVaultSecretStore>(Store);
        await Task.Delay(100);

        Assert.Empty(vault.Requests);
    }

    [Fact]
    public async Task GetAsync_TwentyCallersAtOnceThenMore_OneVaultRead()
    {
        var values = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Store.GetAsync(Name, default).AsTask()));
        for (var i = 0; i < 5; i++)
        {
            await Store.GetAsync(Name, default);
        }

        Assert.All(values, v => Assert.Equal(First, v));
        Assert.Equal(1, vault.Reads(Name));
    }

    [Fact]
    public async Task GetAsync_SecretRotated_NewValueAfterTheRefreshIntervalWithoutRestart()
    {
        await Store.GetAsync(Name, default);
        vault.Set(Name, Second);

        var beforeRefresh = await Store.GetAsync(Name, default);
        time.Advance(TimeSpan.FromMinutes(30));
        var afterRefresh = await Store.GetAsync(Name, default);

        Assert.Equal((First, Second), (beforeRefresh, afterRefresh));
        Assert.Equal(2, vault.Reads(Name));
    }

    [Fact]
    public async Task Invalidate_RightAfterARead_RefusedAndNoVaultRead()
    {
        await Store.GetAsync(Name, default);
        vault.Set(Name, Second);

        var invalidated = Store.Invalidate(Name);

        Assert.False(invalidated);
        Assert.Equal(First, await Store.GetAsync(Name, default));
        Assert.Equal(1, vault.Reads(Name));
    }

    [Fact]
    public async Task Invalidate_AfterTheMinimumInterval_NextReadGetsTheRotatedValue()
    {
        await Store.GetAsync(Name, default);
        vault.Set(Name, Second);
        time.Advance(TimeSpan.FromSeconds(30));

        var invalidated = Store.Invalidate(Name);
        var again = Store.Invalidate(Name);

        Assert.Equal((true, false), (invalidated, again));
        Assert.Equal(Second, await Store.GetAsync(Name, default));
        Assert.Equal(2, vault.Reads(Name));
    }

    [Fact]
    public async Task GetAsync_VaultDownAfterARead_KeepsServingTheLastValue()
    {
        await Store.GetAsync(Name, default);
        vault.Down = true;
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(First, await Store.GetAsync(Name, default));
        Assert.Equal(First, await Store.GetAsync(Name, default));
        Assert.Contains(logs.Lines(), l => l.Contains("still using version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_VaultDownNothingCached_SecretUnavailable()
    {
        vault.Down = true;

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => Store.GetAsync(Name, default).AsTask());

        Assert.Equal(Name, error.Name);
    }

    [Fact]
    public async Task GetAsync_NoSuchSecret_SecretNotFound()
    {
        var error = await Assert.ThrowsAsync<SecretNotFoundException>(() =>
            Store.GetAsync("HuaweiPin-ApiKey", default).AsTask()
        );

        Assert.Equal("HuaweiPin-ApiKey", error.Name);
    }

    [Fact]
    public async Task GetAsync_NoSuchSecretAskedAgain_NoVaultReadUntilTheMinimumInterval()
    {
        await Assert.ThrowsAsync<SecretNotFoundException>(() => Store.GetAsync(Absent, default).AsTask());
        await Assert.ThrowsAsync<SecretNotFoundException>(() => Store.GetAsync(Absent, default).AsTask());
        var readsWhileAbsent = vault.Reads(Absent);
        vault.Set(Absent, Second);
        time.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAsync<SecretNotFoundException>(() => Store.GetAsync(Absent, default).AsTask());
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Second, await Store.GetAsync(Absent, default));
        Assert.Equal((1, 2), (readsWhileAbsent, vault.Reads(Absent)));
    }

    [Fact]
    public async Task GetAsync_VaultDownAfterAnAbsence_StillNotFoundAndAskedAgainAfterTheMinimumInterval()
    {
        await Assert.ThrowsAsync<SecretNotFoundException>(() => Store.GetAsync(Absent, default).AsTask());
        vault.Down = true;
        time.Advance(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<SecretNotFoundException>(() => Store.GetAsync(Absent, default).AsTask());
        await Assert.ThrowsAsync<SecretNotFoundException>(() => Store.GetAsync(Absent, default).AsTask());
        vault.Down = false;
        vault.Set(Absent, Second);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(Second, await Store.GetAsync(Absent, default));
    }

    [Fact]
    public async Task Logs_AfterReadsRotationAndOutage_NameAndVersionNeverTheValue()
    {
        await Store.GetAsync(Name, default);
        vault.Set(Name, Second);
        time.Advance(TimeSpan.FromMinutes(30));
        await Store.GetAsync(Name, default);
        vault.Down = true;
        time.Advance(TimeSpan.FromMinutes(30));
        await Store.GetAsync(Name, default);

        Assert.Contains(logs.Lines(), l => l.Contains(Name, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines(), l =>
            l.Contains(First, StringComparison.Ordinal) || l.Contains(Second, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Resolve_NoVaultUri_SecretsFromConfiguration()
    {
        await using var local = Services(null);

        Assert.IsType<ConfigurationSecretStore>(local.GetRequiredService<ISecretStore>());
        Assert.Equal("from-configuration", await local.GetRequiredService<ISecretStore>().GetAsync(Name, default));
    }

    private ServiceProvider Services(string? vaultUri)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["KeyVault:VaultUri"] = vaultUri,
                    [$"Secrets:{Name}"] = "from-configuration",
                }
            )
            .Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<TokenCredential>(credential)
            .AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug));
        collection.AddPaymentsSecrets(configuration);
        collection.AddSingleton(vault.CreateClient(credential));
        return collection.BuildServiceProvider();
    }
}
