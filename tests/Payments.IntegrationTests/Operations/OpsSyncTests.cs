using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// <c>POST api/ops/sync</c>: ask HaiPay about one order now (its verified answer applied), or run one poll cycle.
/// </summary>
public sealed class OpsSyncTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Sync_OrderPaidWithoutNotification_200WithTheAnswerApplied()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "ops-sync-paid"), "success");
        using var ops = system.Server.CreateOperatorClient();

        var response = await ops.PostAsJsonAsync("/api/ops/sync", new { orderId = "ops-sync-paid" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "Succeeded",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()
        );
    }

    [Fact]
    public async Task Sync_NoOrder_202AfterOnePollCycle()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var ops = system.Server.CreateOperatorClient();

        var response = await ops.PostAsJsonAsync("/api/ops/sync", new { });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checked").GetInt32());
    }

    [Fact]
    public async Task Sync_UnknownHuaweiPinOrBadId_404Or409Or400()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "ops-sync-frame");
        using var ops = system.Server.CreateOperatorClient();

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ops.PostAsJsonAsync("/api/ops/sync", new { orderId = "ops-sync-nobody" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await ops.PostAsJsonAsync("/api/ops/sync", new { orderId = "ops-sync-frame" })).StatusCode
        );
        var bad = await ops.PostAsJsonAsync("/api/ops/sync", new { orderId = "a/b" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("orderId", out _)
        );
    }
}
