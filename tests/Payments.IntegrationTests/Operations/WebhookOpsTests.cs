using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// Abandoned webhook deliveries (listed from an index written with the abandonment, replayed with every attempt ahead
/// of them) and the endpoint a 410 disabled (re-enabled by an operator); each action audited.
/// </summary>
public sealed class WebhookOpsTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task ListWebhooks_AbandonedDelivery_ListedThenReplayedDueAgainAndAudited()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var order = await AbandonedAsync(ops, "wh-gone");
        var eventId = order.LastEvent!.Id;

        var listed = await ops.GetJsonAsync("/api/ops/webhooks?state=abandoned");
        var replayed = await ops.PostAsync(
            $"/api/ops/webhooks/wh-gone/{eventId}/replay",
            """{"operator":"carol@shop.example","note":"merchant fixed their endpoint"}"""
        );
        var again = await ops.PostAsync($"/api/ops/webhooks/wh-gone/{eventId}/replay", null);

        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("wh-gone", item.GetProperty("orderId").GetString());
        Assert.Equal(eventId, item.GetProperty("eventId").GetString());
        Assert.Equal("order.needs_review", item.GetProperty("type").GetString());
        Assert.Equal(8, item.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 500", item.GetProperty("lastError").GetString());
        Assert.Equal(ops.Clock.GetUtcNow(), item.GetProperty("abandonedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var delivery = await ops.Services.GetRequiredService<IWebhookOutbox>().FindAsync("wh-gone", eventId, default);
        Assert.Equal(
            (WebhookDeliveryState.Pending, 0, ops.Clock.GetUtcNow()),
            (delivery!.State, delivery.Attempts, delivery.NextAttemptAt)
        );
        Assert.Empty((await ops.GetJsonAsync("/api/ops/webhooks")).GetProperty("items").EnumerateArray());
        var due = await ops
            .Services.GetRequiredService<IWebhookOutbox>()
            .FindDueAsync(ops.Clock.GetUtcNow(), 10, default)
            .ToListAsync();
        Assert.Equal(eventId, Assert.Single(due).EventId);
        var record = (
            await ops.Services.GetRequiredService<IAuditLog>().ListAsync("wh-gone", default, default).ToListAsync()
        ).Single(r => r.Kind == AuditKinds.OperatorWebhookReplay);
        Assert.Contains("carol@shop.example", record.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayWebhook_UnknownDeliveryOrNotAbandoned_404Or409()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var order = await ops.NeedsReviewAsync("wh-pending");
        var eventId = order.LastEvent!.Id;
        await ops
            .Services.GetRequiredService<IWebhookOutbox>()
            .TrySaveAsync("wh-pending", WebhookDelivery.Start(eventId, ops.Clock.GetUtcNow()), null, default);

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ops.PostAsync("/api/ops/webhooks/wh-nobody/evt_00/replay", null)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ops.PostAsync("/api/ops/webhooks/wh-pending/evt_00/replay", null)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await ops.PostAsync($"/api/ops/webhooks/wh-pending/{eventId}/replay", null)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await ops.PostAsync($"/api/ops/webhooks/wh-pending/{eventId}/replay", """{"operator":3}""")).StatusCode
        );
    }

    [Fact]
    public async Task ReplayWebhook_OrderMovedOnSinceAbandoned_409AndDeliveryKept()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var order = await AbandonedAsync(ops, "wh-moved");
        await ops.Updater.UpdateAsync("wh-moved", (o, now) => o.Resolve(OrderStatus.Failed, null, now), default);

        var response = await ops.PostAsync($"/api/ops/webhooks/wh-moved/{order.LastEvent!.Id}/replay", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            WebhookDeliveryState.Abandoned,
            (
                await ops
                    .Services.GetRequiredService<IWebhookOutbox>()
                    .FindAsync("wh-moved", order.LastEvent.Id, default)
            )!.State
        );
    }

    [Fact]
    public async Task ListWebhooks_ManyAbandoned_PagesCoverEachOnce()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        for (var i = 0; i < 5; i++)
        {
            await AbandonedAsync(ops, $"wh-page-{i}");
            ops.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var all = await ops.AllItemsAsync("/api/ops/webhooks?state=abandoned&limit=2");

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"wh-page-{i}"), OpsServer.OrderIds(all));
    }

    [Theory]
    [InlineData("?state=pending", "state")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?continuation=x", "continuation")]
    public async Task ListWebhooks_BadQuery_400NamingTheField(string query, string field)
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        using var client = ops.Host.CreateOperatorClient();

        var response = await client.GetAsync("/api/ops/webhooks" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _)
        );
    }

    [Fact]
    public async Task WebhookEndpoint_DisabledByA410_ShownThenReEnabledAndAudited()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var outbox = ops.Services.GetRequiredService<IWebhookOutbox>();
        var disabledAt = ops.Clock.GetUtcNow();
        await outbox.DisableAsync(new Uri(OpsServer.WebhookUrl), disabledAt, default);

        var shown = await ops.GetJsonAsync("/api/ops/webhooks/endpoint");
        var enabled = await ops.PostAsync(
            "/api/ops/webhooks/endpoint/enable",
            """{"operator":"dave@shop.example","note":"endpoint is back"}"""
        );
        var after = await ops.GetJsonAsync("/api/ops/webhooks/endpoint");

        Assert.Equal(
            (OpsServer.WebhookUrl, true, disabledAt),
            (
                shown.GetProperty("url").GetString(),
                shown.GetProperty("disabled").GetBoolean(),
                shown.GetProperty("disabledAt").GetDateTimeOffset()
            )
        );
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(
            (false, JsonValueKind.Null),
            (after.GetProperty("disabled").GetBoolean(), after.GetProperty("disabledAt").ValueKind)
        );
        Assert.False(await outbox.IsDisabledAsync(new Uri(OpsServer.WebhookUrl), default));
        var record = Assert.Single(
            await ops.Services.GetRequiredService<IAuditLog>().ListAsync(null, disabledAt, default).ToListAsync(),
            r => r.Kind == AuditKinds.OperatorEndpointEnable
        );
        Assert.Contains("dave@shop.example", record.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnableWebhookEndpoint_NoEndpointConfigured_409()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateOperatorClient();

        var shown = await client.GetFromJsonAsync<JsonElement>("/api/ops/webhooks/endpoint");
        var enabled = await client.PostAsync("/api/ops/webhooks/endpoint/enable", null);

        Assert.Equal(JsonValueKind.Null, shown.GetProperty("url").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, enabled.StatusCode);
    }

    /// <summary>
    /// An order in NeedsReview whose needs_review event the merchant never acknowledged: every attempt answered 500.
    /// </summary>
    private static async Task<PaymentOrder> AbandonedAsync(OpsServer ops, string orderId)
    {
        var order = await ops.NeedsReviewAsync(orderId);
        var outbox = ops.Services.GetRequiredService<IWebhookOutbox>();
        var delivery = WebhookDelivery.Start(order.LastEvent!.Id, ops.Clock.GetUtcNow()) with
        {
            Attempts = 8,
            LastStatusCode = 500,
        };
        Assert.NotNull(
            await outbox.TrySaveAsync(orderId, delivery.Abandon("HTTP 500", ops.Clock.GetUtcNow()), null, default)
        );
        return order;
    }
}
