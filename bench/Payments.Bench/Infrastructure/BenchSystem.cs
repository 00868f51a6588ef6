using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Azure;
using Payments.Server;
using Payments.Testing;

namespace Payments.Bench.Infrastructure;

/// <summary>
/// Azurite and the provider sandbox as separate processes, with keys made for this run; Servers are started against
/// them on demand: as processes (what is measured) or in this process (the operator that seeds and polls).
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    public const string FunctionKey = "bench-function-key";
    public const string OperatorKey = "bench-operator-key-5c1e9a7d3b2f4e60";
    public const string CallbackKey = "bench-callback-key";
    public const string MerchantSecret = "bench-merchant-secret";
    public const long AppId = 1054;
    private const string Never = "0 0 0 1 1 *";

    private readonly RSA merchantKey = RSA.Create(2048);
    private ChildProcess? sandbox;

    private BenchSystem(string root, Azurite azurite)
    {
        Root = root;
        Azurite = azurite;
        SandboxUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
    }

    public string Root { get; }
    public Azurite Azurite { get; }
    public Uri SandboxUrl { get; }

    /// <summary>HaiPay's platform key: signs the notifications the bench sends as HaiPay.</summary>
    public RSA PlatformKey { get; } = RSA.Create(2048);

    public static async Task<BenchSystem> StartAsync(string root)
    {
        var stack = new BenchSystem(root, await Infrastructure.Azurite.StartAsync(root));
        stack.sandbox = ChildProcess.Start("dotnet", [Dll(root, "Payments.Sandbox"), "--urls", stack.SandboxUrl.ToString()], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Sandbox__HuaweiPin__ApiKey"] = "bench-api-key",
            ["Sandbox__HuaweiPin__SecretKey"] = "bench-secret-key",
            ["Sandbox__HuaweiPin__CallbackKey"] = CallbackKey,
            ["Sandbox__HaiPay__AppId"] = AppId.ToString(CultureInfo.InvariantCulture),
            ["Sandbox__HaiPay__MerchantSecret"] = MerchantSecret,
            ["Sandbox__HaiPay__MerchantPublicKey"] = Convert.ToBase64String(stack.merchantKey.ExportSubjectPublicKeyInfo()),
            ["Sandbox__HaiPay__PlatformPrivateKey"] = Convert.ToBase64String(stack.PlatformKey.ExportPkcs8PrivateKey()),
        });
        await stack.sandbox.WaitForOkAsync(new Uri(stack.SandboxUrl, "/haipay/_sandbox/faults"), TimeSpan.FromSeconds(60));
        return stack;
    }

    public static string Dll(string root, string project) => Path.Combine(root, "src", project, "bin", "Release", "net10.0", project + ".dll");

    /// <summary>
    /// The settings of a Server on <paramref name="port"/> using tables <paramref name="prefix"/>*; background jobs off; the
    /// per-address rate limit of the provider endpoints (600 a minute by default) raised out of reach, since all the load
    /// comes from one loopback address: the limiter still runs on every request, it just never refuses one.
    /// </summary>
    public Dictionary<string, string> ServerSettings(string prefix, int port) => new()
    {
        ["PaymentsStorage:ConnectionString"] = Azurite.ConnectionString,
        ["PaymentsStorage:TablePrefix"] = prefix,
        ["FunctionKeys:Keys:0"] = FunctionKey,
        ["OperatorKeys:Keys:0"] = OperatorKey,
        ["HuaweiPin:BaseUrl"] = $"{SandboxUrl}huaweipin",
        ["HuaweiPin:AmountUnit"] = "major",
                    ["HuaweiPin:Currency"] = "USD",
        ["Secrets:HuaweiPin-ApiKey"] = "bench-api-key",
        ["Secrets:HuaweiPin-SecretKey"] = "bench-secret-key",
        ["Secrets:HuaweiPin-CallbackKey"] = CallbackKey,
        ["HaiPay:BaseUrl"] = $"{SandboxUrl}haipay",
        ["HaiPay:NotifyUrl"] = $"http://127.0.0.1:{port}/api/haipay/notify",
        ["HaiPay:Accounts:USD:AppId"] = AppId.ToString(CultureInfo.InvariantCulture),
        ["Secrets:HaiPay-USD-PrivateKey"] = Convert.ToBase64String(merchantKey.ExportPkcs8PrivateKey()),
        ["Secrets:HaiPay-USD-MerchantSecret"] = MerchantSecret,
        ["Secrets:HaiPay-USD-PlatformPublicKey"] = Convert.ToBase64String(PlatformKey.ExportSubjectPublicKeyInfo()),
        ["Secrets:Idempotency-FingerprintKey"] = "bench-idempotency-fingerprint-key-2d7a-c4e1",
        ["HaiPayPollSchedule"] = Never,
        ["ExpireFramesSchedule"] = Never,
        ["IdempotencyPurgeSchedule"] = Never,
        ["DeliverWebhooksSchedule"] = Never,
        ["AuditPurgeSchedule"] = Never,
        ["ReconcileSchedule"] = Never,
        ["RateLimiting:PermitLimit"] = "1000000000",
        // The sandbox's pay pages are on http://127.0.0.1; without this every collection would wait for a person.
        ["Links:AllowHttp"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>The Server as its own process (Production environment), healthy.</summary>
    public async Task<(ChildProcess Process, Uri Url)> StartServerAsync(string prefix)
    {
        var (process, url) = StartServerProcess(prefix);
        try
        {
            await process.WaitForOkAsync(new Uri(url, "/api/health"), TimeSpan.FromSeconds(60));
            return (process, url);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the Server as its own process (Production environment) without waiting for it.</summary>
    public (ChildProcess Process, Uri Url) StartServerProcess(string prefix)
    {
        var port = FreePort.Next();
        var environment = ServerSettings(prefix, port).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var url = new Uri($"http://127.0.0.1:{port}");
        return (ChildProcess.Start("dotnet", [Dll(Root, "Payments.Server"), "--urls", url.ToString()], environment), url);
    }

    /// <summary>A Server in this process on the same tables: the bench seeds orders and runs the poller through it.</summary>
    /// <param name="prefix">Table prefix (and order id prefix) of this Server.</param>
    /// <param name="clock">The Server's clock.</param>
    /// <param name="overrides">Settings replacing <see cref="ServerSettings"/>.</param>
    /// <param name="services">Registrations made after the Server's own (the last registration of a service wins).</param>
    public async Task<WebApplication> StartOperatorAsync(string prefix, TimeProvider clock, IDictionary<string, string>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var port = FreePort.Next();
        var app = ServerApp.Build(["--environment", "Production", "--urls", $"http://127.0.0.1:{port}"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(ServerSettings(prefix, port).Concat(overrides ?? new Dictionary<string, string>())
                .Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(clock);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }

        await Azurite.DisposeAsync();
        merchantKey.Dispose();
        PlatformKey.Dispose();
    }
}
