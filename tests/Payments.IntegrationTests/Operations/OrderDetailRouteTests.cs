using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.Core.Webhooks;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// <c>GET api/ops/orders/{orderId}</c> on the Server over Azurite: the order with its amounts and why it waits, its
/// newest audit records and its webhook deliveries (bounded), provider text redacted, 404 for an unknown id, and the
/// merchant's function key refused.
/// </summary>
public sealed class OrderDetailRouteTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Card = "4111 1111 1111 1111";

    [Fact]
    public async Task Detail_FlaggedOrder_AmountsAndWhyItWaits()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("od-partial");
        var partial = new ProviderVerdict(
            OrderStatus.Pending,
            ProviderText.Of("4"),
            null,
            ReviewReason.PartialCollection,
            6.25m
        );
        await ops.Updater.UpdateAsync("od-partial", (o, now) => o.Apply(partial, now), default);

        var detail = await ops.GetJsonAsync("/api/ops/orders/od-partial");

        Assert.Equal(
            ("od-partial", "NeedsReview", "partial-collection", "12.50", "6.25", "ref-od-partial"),
            (
                detail.GetProperty("orderId").GetString(),
                detail.GetProperty("status").GetString(),
                detail.GetProperty("reviewReason").GetString(),
                detail.GetProperty("amount").GetString(),
                detail.GetProperty("receivedAmount").GetString(),
                detail.GetProperty("providerReference").GetString()
            )
        );
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("fee").ValueKind);
        Assert.Equal("HaiPay", detail.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Detail_CardNumberInProviderText_RedactedEverywhere()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("od-card");
        var refused = new ProviderVerdict(
            OrderStatus.Failed,
            ProviderText.Of("3"),
            null,
            Note: ProviderText.Of($"declined card {Card}")
        );
        await ops.Updater.UpdateAsync("od-card", (o, now) => o.Apply(refused, now), default);
        var at = ops.Clock.GetUtcNow();
        await ops
            .Services.GetRequiredService<IAuditLog>()
            .RecordAsync(new AuditRecord("od-card", "provider-callback", $$"""{"card":"{{Card}}"}""", at), default);
        var outbox = ops.Services.GetRequiredService<IWebhookOutbox>();
        var failed = WebhookDelivery.Start("evt_card", at) with { LastError = $"merchant echoed {Card}" };
        Assert.NotNull(await outbox.TrySaveAsync("od-card", failed, null, default));
        using var client = ops.Host.CreateOperatorClient();

        var body = await client.GetStringAsync("/api/ops/orders/od-card");

        Assert.DoesNotContain(Card, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Card.Replace(" ", "", StringComparison.Ordinal), body, StringComparison.Ordinal);
        var detail = JsonDocument.Parse(body).RootElement;
        const string masked = "[card ****1111]";
        Assert.Contains(masked, detail.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains(detail.GetProperty("audit").EnumerateArray(), a =>
            a.GetProperty("payload").GetString()!.Contains(masked, StringComparison.Ordinal)
        );
        Assert.Contains(detail.GetProperty("webhooks").EnumerateArray(), w =>
            w.GetProperty("lastError").GetString() == $"merchant echoed {masked}"
        );
    }

    [Fact]
    public async Task Detail_ManyAuditRecordsAndDeliveries_NewestBoundedAndMoreSaid()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("od-many");
        var audit = ops.Services.GetRequiredService<IAuditLog>();
        var outbox = ops.Services.GetRequiredService<IWebhookOutbox>();
        var start = ops.Clock.GetUtcNow().AddMinutes(1);
        for (var i = 0; i < 60; i++)
        {
            var record = new AuditRecord("od-many", "note", $"record {i}", start.AddSeconds(i));
            await audit.RecordAsync(record, default);
        }

        for (var i = 0; i < 25; i++)
        {
            await outbox.TrySaveAsync("od-many", WebhookDelivery.Start($"evt_{i:D2}", start), null, default);
        }

        var detail = await ops.GetJsonAsync("/api/ops/orders/od-many");

        var listed = detail.GetProperty("audit").EnumerateArray().ToList();
        Assert.Equal(50, listed.Count);
        Assert.Equal("record 59", listed[0].GetProperty("payload").GetString());
        Assert.DoesNotContain(listed, a => a.GetProperty("payload").GetString() == "record 9");
        Assert.True(detail.GetProperty("auditMore").GetBoolean());
        Assert.Equal(20, detail.GetProperty("webhooks").GetArrayLength());
        Assert.True(detail.GetProperty("webhooksMore").GetBoolean());
    }

    [Fact]
    public async Task Detail_UnknownOrder_404Problem()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        using var client = ops.Host.CreateOperatorClient();

        var response = await client.GetAsync("/api/ops/orders/od-nobody");

        Assert.Equal(
            (HttpStatusCode.NotFound, "application/problem+json"),
            (response.StatusCode, response.Content.Headers.ContentType!.MediaType)
        );
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("order-not-found", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Detail_FunctionKey_401()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("od-merchant");
        using var client = ops.Host.CreateMerchantClient();

        var response = await client.GetAsync("/api/ops/orders/od-merchant");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
