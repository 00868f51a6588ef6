using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Payments.Azure;
using Payments.Server;
using Payments.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>The real Server host on a loopback port (Kestrel, real HTTP), against the given Azurite.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key";

    /// <summary>
    /// The operator key (<c>OperatorKeys:Keys</c>) the operator routes take; the function key does not open them.
    /// </summary>
    public const string OperatorKey = "test-operator-key-5c1e-77ab-0d42";

    /// <summary>The <c>Idempotency-FingerprintKey</c> secret every test host gets unless a test sets its own.</summary>
    public const string FingerprintKey = "test-idempotency-fingerprint-key-6b1f-90ce";

    /// <summary>
    /// The tests' rate limit unless a test sets its own: every test client is on loopback, and the callback storm sends
    /// 10,000 deliveries from it; the limit is what <c>RateLimitTests</c> measure.
    /// </summary>
    public const string Unlimited = "1000000";

    private readonly WebApplication app;

    private ServerHost(WebApplication app, Uri baseAddress, FakeLogCollector logs, string tablePrefix)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        TablePrefix = tablePrefix;
    }

    public Uri BaseAddress { get; }

    /// <summary>Every record the host logged (scans read it as text with <see cref="LogText.Lines"/>).</summary>
    public FakeLogCollector Logs { get; }
    public string TablePrefix { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<ServerHost> StartAsync(
        AzuriteFixture azurite,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? tablePrefix = null,
        int? port = null,
        string environment = "Production"
    )
    {
        var prefix = tablePrefix ?? Fixtures.TablePrefix.New();
        var url = $"http://127.0.0.1:{port ?? FreePort.Next()}";
        var app = ServerApp.Build(["--environment", environment, "--urls", url], builder =>
        {
            builder.Configuration.AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["PaymentsStorage:ConnectionString"] = azurite.ConnectionString,
                    ["PaymentsStorage:TablePrefix"] = prefix,
                    ["FunctionKeys:Keys:0"] = FunctionKey,
                    ["HuaweiPin:AmountUnit"] = "major",
                    ["HuaweiPin:Currency"] = "USD",
                    ["OperatorKeys:Keys:0"] = OperatorKey,
                    ["Secrets:Idempotency-FingerprintKey"] = FingerprintKey,
                    ["RateLimiting:PermitLimit"] = Unlimited,
                }
            );
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
            services?.Invoke(builder.Services);
        });
        var logs = app.Services.GetFakeLogCollector();
        await app.StartAsync();
        await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return new ServerHost(app, new Uri(url), logs, prefix);
    }

    /// <summary>A client carrying the function key.</summary>
    public HttpClient CreateMerchantClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        return client;
    }

    /// <summary>A client carrying the operator key.</summary>
    public HttpClient CreateOperatorClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("x-functions-key", OperatorKey);
        return client;
    }

    /// <summary>A client without a key. Every answer it receives is checked against docs/openapi.json.</summary>
    public HttpClient CreateAnonymousClient() =>
        new(new ContractCheckingHandler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
