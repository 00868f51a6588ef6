using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// A Server on a fake clock (jobs run only by hand) with its storage requests logged, and the orders the operator tests
/// start from, written through the repository and the aggregate as the service writes them.
/// </summary>
internal sealed class OpsServer : IAsyncDisposable
{
    public const string WebhookUrl = "http://127.0.0.1:9/merchant/webhooks";

    private OpsServer(ServerHost host, FakeTimeProvider clock, StorageRequestLog log)
    {
        Host = host;
        Clock = clock;
        Log = log;
    }

    public ServerHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public StorageRequestLog Log { get; }
    public IServiceProvider Services => Host.Services;
    public IOrderRepository Orders => Services.GetRequiredService<IOrderRepository>();
    public OrderUpdater Updater => Services.GetRequiredService<OrderUpdater>();

    public static async Task<OpsServer> StartAsync(AzuriteFixture azurite)
    {
        var clock = new FakeTimeProvider(TestOrders.Now);
        var log = new StorageRequestLog();
        var host = await ServerHost.StartAsync(
            azurite,
            HandDrivenJobs.Settings(clock, new Dictionary<string, string?> { ["Webhooks:Url"] = WebhookUrl }),
            s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                log.Install(s);
            }
        );
        return new OpsServer(host, clock, log);
    }

    /// <summary>An order the provider accepted (Pending), as created at <see cref="TestOrders.Now"/>.</summary>
    public async Task<PaymentOrder> PendingAsync(string id, PaymentProvider provider = PaymentProvider.HaiPay)
    {
        await Orders.AddAsync(TestOrders.New(id, provider), default);
        return (
            await Updater.UpdateAsync(
                id,
                (o, now) => o.Accept("ref-" + id, TestLinks.Of("https://pay.example/" + id), null, now),
                default
            )
        ).Order!;
    }

    /// <summary>An order whose checks ran out (or another reason) and which now waits for a person.</summary>
    public async Task<PaymentOrder> NeedsReviewAsync(
        string id,
        ReviewReason reason = ReviewReason.ChecksExhausted,
        PaymentProvider provider = PaymentProvider.HaiPay
    )
    {
        await PendingAsync(id, provider);
        return (await Updater.UpdateAsync(id, (o, now) => o.GiveUpChecking(reason, now), default)).Order!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = Host.CreateOperatorClient();
        var response = await client.GetAsync(path);
        Assert.True(
            response.IsSuccessStatusCode,
            $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string? json)
    {
        using var client = Host.CreateOperatorClient();
        return await client.PostAsync(
            path,
            json is null ? null : new StringContent(json, Encoding.UTF8, "application/json")
        );
    }

    /// <summary>Every page of a listing, following continuations.</summary>
    public async Task<List<JsonElement>> AllItemsAsync(string path)
    {
        var items = new List<JsonElement>();
        string? continuation = null;
        do
        {
            var page = await GetJsonAsync(
                continuation is null ? path : $"{path}&continuation={Uri.EscapeDataString(continuation)}"
            );
            items.AddRange(page.GetProperty("items").EnumerateArray());
            continuation = page.GetProperty("continuation").GetString();
        } while (continuation is not null);
        return items;
    }

    public static List<string> OrderIds(IEnumerable<JsonElement> items) =>
        [.. items.Select(i => i.GetProperty("orderId").GetString()!)];

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
