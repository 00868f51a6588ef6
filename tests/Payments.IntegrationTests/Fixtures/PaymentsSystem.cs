using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>Server + provider sandbox wired to each other over loopback HTTP, on a shared Azurite.</summary>
public sealed class PaymentsSystem : IAsyncDisposable
{
    public const string CallbackKey = "stack-callback-key-7f3a";
    public const string ApiKey = "stack-api-key-19c2";
    public const string SecretKey = "stack-secret-key-88d1";
    public const string HaiPayMerchantSecret = "stack-haipay-merchant-secret-51e0";
    public const long HaiPayAppId = 1054;

    /// <summary>Generated once per test run: the merchant's key pair and the sandbox platform's.</summary>
    public static readonly HaiPayTestKeys HaiPayKeys = HaiPayTestKeys.Generate();

    /// <summary>The merchant's EUR account at the sandbox: its own appId, secret and key pair.</summary>
    public const long HaiPayEurAppId = 2027;

    public const string HaiPayEurMerchantSecret = "stack-haipay-eur-merchant-secret-3c9d";

    /// <summary>Generated once per test run; only the merchant pair is used (the platform's is HaiPayKeys').</summary>
    public static readonly HaiPayTestKeys HaiPayEurKeys = HaiPayTestKeys.Generate();

    /// <summary>Server settings adding the EUR account (the sandbox always has it; the Server with these).</summary>
    public static Dictionary<string, string?> EurAccount() =>
        new()
        {
            ["HaiPay:Accounts:EUR:AppId"] = HaiPayEurAppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Secrets:HaiPay-EUR-PrivateKey"] = HaiPayEurKeys.MerchantPrivate,
            ["Secrets:HaiPay-EUR-MerchantSecret"] = HaiPayEurMerchantSecret,
            ["Secrets:HaiPay-EUR-PlatformPublicKey"] = HaiPayKeys.PlatformPublic,
        };

    private readonly AzuriteFixture azurite;
    private readonly Dictionary<string, string?> serverSettings;

    private readonly Action<IServiceCollection>? services;

    private PaymentsSystem(
        AzuriteFixture azurite,
        ServerHost server,
        SandboxHost sandbox,
        Dictionary<string, string?> serverSettings,
        Action<IServiceCollection>? services
    )
    {
        this.services = services;
        this.azurite = azurite;
        Server = server;
        Sandbox = sandbox;
        this.serverSettings = serverSettings;
    }

    public ServerHost Server { get; private set; }
    public SandboxHost Sandbox { get; }

    /// <summary>
    /// The settings the Server runs with (the sandbox's addresses, provider secrets); the Functions worker gets the
    /// same.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings => serverSettings;

    public static async Task<PaymentsSystem> StartAsync(
        AzuriteFixture azurite,
        IDictionary<string, string?>? serverSettings = null,
        Action<IServiceCollection>? services = null,
        string environment = "Production"
    )
    {
        var serverPort = FreePort.Next();
        var sandboxPort = FreePort.Next();
        var sandbox = await SandboxHost.StartAsync(
            sandboxPort,
            new Dictionary<string, string?>
            {
                ["Sandbox:HuaweiPin:ApiKey"] = ApiKey,
                ["Sandbox:HuaweiPin:SecretKey"] = SecretKey,
                ["Sandbox:HuaweiPin:CallbackKey"] = CallbackKey,
                ["Sandbox:HuaweiPin:CallbackUrl"] = $"http://127.0.0.1:{serverPort}/api/huaweipin/callback",
                ["Sandbox:HuaweiPin:CallbackRetryInterval"] = "00:00:00.300",
                ["Sandbox:HaiPay:AppId"] = HaiPayAppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Sandbox:HaiPay:MerchantSecret"] = HaiPayMerchantSecret,
                ["Sandbox:HaiPay:MerchantPublicKey"] = HaiPayKeys.MerchantPublic,
                ["Sandbox:HaiPay:PlatformPrivateKey"] = HaiPayKeys.PlatformPrivate,
                ["Sandbox:HaiPay:Accounts:EUR:AppId"] = HaiPayEurAppId.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                ["Sandbox:HaiPay:Accounts:EUR:MerchantSecret"] = HaiPayEurMerchantSecret,
                ["Sandbox:HaiPay:Accounts:EUR:MerchantPublicKey"] = HaiPayEurKeys.MerchantPublic,
                ["Sandbox:HaiPay:NotificationRetryInterval"] = "00:00:00.300",
                ["Sandbox:HaiPay:SubscriptionDay"] = "00:00:01",
            }
        );
        var settings = new Dictionary<string, string?>
        {
            ["HuaweiPin:BaseUrl"] = $"http://127.0.0.1:{sandboxPort}/huaweipin",
            ["HuaweiPin:Timeout"] = "00:00:02",
            ["Secrets:HuaweiPin-ApiKey"] = ApiKey,
            ["Secrets:HuaweiPin-SecretKey"] = SecretKey,
            ["Secrets:HuaweiPin-CallbackKey"] = CallbackKey,
            ["HaiPay:BaseUrl"] = $"http://127.0.0.1:{sandboxPort}/haipay",
            ["HaiPay:NotifyUrl"] = $"http://127.0.0.1:{serverPort}/api/haipay/notify",
            ["HaiPay:Timeout"] = "00:00:02",
            ["HaiPay:ClaimLease"] = "00:00:10",
            ["HaiPay:Accounts:USD:AppId"] = HaiPayAppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Secrets:HaiPay-USD-PrivateKey"] = HaiPayKeys.MerchantPrivate,
            ["Secrets:HaiPay-USD-MerchantSecret"] = HaiPayMerchantSecret,
            ["Secrets:HaiPay-USD-PlatformPublicKey"] = HaiPayKeys.PlatformPublic,
            // The sandbox's pages are on http://127.0.0.1, as in Development (production: https only).
            ["Links:AllowHttp"] = "true",
        };
        foreach (var (key, value) in serverSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var server = await ServerHost.StartAsync(
            azurite,
            settings,
            services,
            port: serverPort,
            environment: environment
        );
        return new PaymentsSystem(azurite, server, sandbox, settings, services);
    }

    /// <summary>
    /// Stops the Server and starts a new one on the same port, tables and settings (a deployment or crash restart).
    /// </summary>
    public async Task RestartServerAsync()
    {
        var port = Server.BaseAddress.Port;
        var prefix = Server.TablePrefix;
        await Server.DisposeAsync();
        Server = await ServerHost.StartAsync(azurite, serverSettings, services, prefix, port);
    }

    /// <summary>Restarts the Server with some settings changed (e.g. ones that need the sandbox's address).</summary>
    public Task RestartServerWithAsync(IDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            serverSettings[key] = value;
        }

        return RestartServerAsync();
    }

    /// <summary>Another merchant deployment (own tables) using the same provider account.</summary>
    public Task<ServerHost> StartSecondServerAsync() => ServerHost.StartAsync(azurite, serverSettings);

    public Task SetHuaweiPinFaultsAsync(object faults) =>
        PostJsonAsync(Sandbox.CreateClient(), "/huaweipin/_sandbox/faults", faults);

    public Task SetHaiPayFaultsAsync(object faults) =>
        PostJsonAsync(Sandbox.CreateClient(), "/haipay/_sandbox/faults", faults);

    /// <summary>The sandbox's view of a HaiPay payment; null when HaiPay never received it.</summary>
    public async Task<JsonElement?> SandboxPaymentAsync(string orderId)
    {
        using var client = Sandbox.CreateClient();
        var response = await client.GetAsync($"/haipay/_sandbox/orders/{Uri.EscapeDataString(orderId)}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound
            ? null
            : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>How many signed <c>collect/apply</c> calls for <paramref name="orderId"/> reached HaiPay.</summary>
    public async Task<int> SandboxAppliesAsync(string orderId)
    {
        using var client = Sandbox.CreateClient();
        var path = $"/haipay/_sandbox/applies/{Uri.EscapeDataString(orderId)}";
        var answer = await client.GetFromJsonAsync<JsonElement>(path);
        return answer.GetProperty("applies").GetInt32();
    }

    /// <summary>Whether HaiPay received the refund <paramref name="refundId"/>.</summary>
    public async Task<bool> SandboxHasRefundAsync(string refundId)
    {
        using var client = Sandbox.CreateClient();
        var response = await client.GetAsync($"/haipay/_sandbox/refunds/{Uri.EscapeDataString(refundId)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>
    /// The sandbox's view of a HaiPay refund (the account it was made on, <c>currency</c>, and every call that reached
    /// it, <c>calls</c>); null when HaiPay never received it.
    /// </summary>
    public async Task<JsonElement?> SandboxRefundAsync(string refundId)
    {
        using var client = Sandbox.CreateClient();
        var response = await client.GetAsync($"/haipay/_sandbox/refunds/{Uri.EscapeDataString(refundId)}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound
            ? null
            : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>How many HaiPay calls the sandbox has failed at random so far.</summary>
    public async Task<long> HaiPayInjectedFailuresAsync()
    {
        using var client = Sandbox.CreateClient();
        return (await client.GetFromJsonAsync<JsonElement>("/haipay/_sandbox/faults"))
            .GetProperty("injectedFailures")
            .GetInt64();
    }

    /// <summary>
    /// The sandbox's view of a HaiPay subscription and its charge attempts; null when HaiPay never received it.
    /// </summary>
    public async Task<JsonElement?> SandboxSubscriptionAsync(string subscriptionId)
    {
        using var client = Sandbox.CreateClient();
        var response = await client.GetAsync($"/haipay/_sandbox/subscriptions/{Uri.EscapeDataString(subscriptionId)}");
        return response.StatusCode == System.Net.HttpStatusCode.NotFound
            ? null
            : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The first delivery the sandbox recorded in what <paramref name="read"/> returns, waiting for it: the sandbox
    /// records a delivery once our answer arrives, which can be after the order's new status is already visible through
    /// the API.
    /// </summary>
    public static async Task<JsonElement> FirstDeliveryAsync(Func<Task<JsonElement>> read, int seconds = 30)
    {
        ArgumentNullException.ThrowIfNull(read);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var deliveries = (await read()).GetProperty("deliveries");
            if (deliveries.GetArrayLength() > 0 || DateTime.UtcNow > deadline)
            {
                return deliveries[0];
            }

            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> SandboxFrameAsync(string merchantOid)
    {
        using var client = Sandbox.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>(
            $"/huaweipin/_sandbox/frames/{Uri.EscapeDataString(merchantOid)}"
        );
    }

    /// <summary>
    /// Polls the merchant API until the order reaches <paramref name="status"/> (<paramref name="seconds"/> at most).
    /// </summary>
    public async Task<JsonElement> WaitForStatusAsync(string orderId, string status, int seconds = 60)
    {
        using var client = Server.CreateMerchantClient();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement order = default;
        while (DateTime.UtcNow < deadline)
        {
            order = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{Uri.EscapeDataString(orderId)}");
            if (order.GetProperty("status").GetString() == status)
            {
                return order;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException(
            $"Order {orderId} is {order.GetProperty("status")} after {seconds} s, not {status}."
        );
    }

    /// <summary>
    /// Sends a create request and hangs up once the Server has recorded the order, while the provider is still
    /// answering: a merchant's hang-up at that point however slowly the machine gets the request there.
    /// </summary>
    public async Task HangUpOnceRecordedAsync(string path, object body, string orderId)
    {
        using var client = Server.CreateMerchantClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        using var hangUp = new CancellationTokenSource();
        var sent = client.PostAsJsonAsync(path, body, hangUp.Token);
        var orders = Server.Services.GetRequiredService<IOrderRepository>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!sent.IsCompleted && await orders.FindAsync(orderId, default) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"order {orderId} was not recorded");
            await Task.Delay(20);
        }

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Server.DisposeAsync();
    }

    private static async Task PostJsonAsync(HttpClient client, string path, object body)
    {
        using (client)
        {
            (await client.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();
        }
    }
}
