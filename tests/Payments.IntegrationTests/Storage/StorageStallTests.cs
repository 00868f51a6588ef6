using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Http.Webhooks;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Storage;

/// <summary>
/// Storage that accepts connections and never answers: every storage call is bounded by
/// <c>PaymentsStorage:Timeout</c>, a stall is a 503 with Retry-After, and a run over due orders goes on with the
/// others.
/// </summary>
public sealed class StorageStallTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static Dictionary<string, string?> Settings(StorageCutProxy line, AzuriteFixture azurite) =>
        new()
        {
            ["PaymentsStorage:ConnectionString"] = line.ConnectionString(azurite),
            ["PaymentsStorage:Timeout"] = "00:00:02",
        };

    [Fact]
    public async Task CreateCollection_StorageNeverAnswers_503ProblemWithRetryAfter()
    {
        await using var line = StorageCutProxy.Start(azurite.Port);
        await using var system = await PaymentsSystem.StartAsync(azurite, Settings(line, azurite));
        await CollectionFlow.CreatedPayUrlAsync(system, "stall-before");
        line.Stall();

        using var client = system.Server.CreateMerchantClient();
        client.Timeout = TimeSpan.FromMinutes(3);
        var response = await client.PostAsJsonAsync("/api/haipay/collections", CollectionFlow.Request("stall-create"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        line.Unstall();
    }

    [Fact]
    public async Task PollerRunOnce_OneOrdersStorageNeverAnswers_ChecksTheOthers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var line = StorageCutProxy.Start(azurite.Port);
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            HandDrivenJobs.Settings(clock, Settings(line, azurite)),
            s => s.AddSingleton<TimeProvider>(clock)
        );
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        string[] ids = ["stall-poll-a", "stall-poll-b", "stall-poll-c"];
        foreach (var id in ids)
        {
            await CollectionFlow.CreatedPayUrlAsync(system, id);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        line.Stall("stall-poll-b");
        var checkedCount = await system.Server.Services.GetRequiredService<HaiPayPoller>().RunOnceAsync(default);
        line.Unstall();

        Assert.Equal(2, checkedCount);
        Assert.Equal(1, (await system.SandboxPaymentAsync("stall-poll-a"))!.Value.GetProperty("queries").GetInt32());
        Assert.Equal(1, (await system.SandboxPaymentAsync("stall-poll-c"))!.Value.GetProperty("queries").GetInt32());
    }

    [Fact]
    public async Task ExpireFramesRunOnce_OneOrdersWriteNeverAnswered_ExpiresTheOthers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var line = StorageCutProxy.Start(azurite.Port);
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            HandDrivenJobs.Settings(clock, Settings(line, azurite)),
            s => s.AddSingleton<TimeProvider>(clock)
        );
        foreach (var id in new[] { "stall-exp-a", "stall-exp-b", "stall-exp-c" })
        {
            await FrameFlow.CreatedIframeUrlAsync(system, id);
        }

        clock.Advance(TimeSpan.FromHours(73));
        line.Stall(WriteInto("stall-exp-b"));
        var expired = await system.Server.Services.GetRequiredService<ExpireFramesJob>().RunOnceAsync(default);
        line.Unstall();

        Assert.Equal(2, expired);
        await system.WaitForStatusAsync("stall-exp-a", "Expired");
        await system.WaitForStatusAsync("stall-exp-c", "Expired");
    }

    [Fact]
    public async Task DispatcherRunOnce_OneOrdersWriteNeverAnswered_DeliversTheOthers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var line = StorageCutProxy.Start(azurite.Port);
        var settings = Settings(line, azurite);
        settings["Webhooks:Url"] = receiver.Url.AbsoluteUri;
        settings["Secrets:Webhooks-SigningSecret"] = receiver.Secret;
        settings["DeliverWebhooksSchedule"] = "0 0 0 1 1 *";
        await using var system = await PaymentsSystem.StartAsync(azurite, settings);
        string[] ids = ["stall-hook-a", "stall-hook-b", "stall-hook-c"];
        foreach (var id in ids)
        {
            await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, id), "100.00", "success");
            await system.WaitForStatusAsync(id, "Succeeded");
        }

        line.Stall(DeliveryWriteOf("stall-hook-b"));
        await system.Server.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(default);
        line.Unstall();

        Assert.Equal(["stall-hook-a", "stall-hook-c"], receiver.Accepted.Select(d => d.OrderId).Order());
    }

    /// <summary>
    /// What a write into the order's partition carries in its JSON body (reads name the key in the URL instead).
    /// </summary>
    private static string WriteInto(string orderId) => $"\"PartitionKey\":\"{orderId}\"";

    /// <summary>
    /// What a write of one of the order's webhook delivery records carries (the outbox's partition of it).
    /// </summary>
    private static string DeliveryWriteOf(string orderId) => $"\"PartitionKey\":\"o-{orderId}\"";
}
