using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.Core.Webhooks;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// Every operator action is recorded before it is made (outcome attempted) and followed by an operator-outcome row; a
/// failed record write answers 503 with nothing changed. Optional bodies are read whenever one is sent; notes carry no
/// card number.
/// </summary>
public sealed class OperatorRecordTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Resolve_ManualOverride_RecordAttemptedThenOutcomeApplied()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var seen = await ops.NeedsReviewAsync("rec-override");
        ops.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await ops.PostAsync(
            "/api/ops/orders/rec-override/resolution",
            """
            {"decision":"Failed","operator":"alice@shop.example","note":"customer says unpaid",
             "evidence":"manual-override"}
            """
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = ops.Services.GetRequiredService<IAuditLog>();
        var records = await audit.ListAsync("rec-override", default, default).ToListAsync();
        var decision = Assert.Single(records, r => r.Kind == AuditKinds.OperatorResolution);
        var outcome = Assert.Single(records, r => r.Kind == AuditKinds.OperatorOutcome);
        using var decided = JsonDocument.Parse(decision.Payload);
        using var applied = JsonDocument.Parse(outcome.Payload);
        Assert.Equal(
            ("attempted", seen.UpdatedAt),
            (
                decided.RootElement.GetProperty("outcome").GetString(),
                decided.RootElement.GetProperty("seenUpdatedAt").GetDateTimeOffset()
            )
        );
        Assert.Equal(
            (AuditKinds.OperatorResolution, decision.At, "applied"),
            (
                applied.RootElement.GetProperty("of").GetString(),
                applied.RootElement.GetProperty("at").GetDateTimeOffset(),
                applied.RootElement.GetProperty("outcome").GetString()
            )
        );
        Assert.Equal(decision.At, (await ops.Orders.FindAsync("rec-override", default))!.Value.UpdatedAt);
    }

    [Fact]
    public async Task Acknowledge_FlaggedFinalOrder_RecordAttemptedThenOutcomeApplied()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        await ops.PendingAsync("rec-ack");
        await ops.Updater.UpdateAsync("rec-ack", (o, now) => o.Expire(now), default);
        var late = new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m);
        await ops.Updater.UpdateAsync("rec-ack", (o, now) => o.Apply(late, now), default);
        ops.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await ops.PostAsync(
            "/api/ops/orders/rec-ack/acknowledgement",
            """{"operator":"alice@shop.example","note":"refunded"}"""
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = ops.Services.GetRequiredService<IAuditLog>();
        var records = await audit.ListAsync("rec-ack", default, default).ToListAsync();
        var acknowledged = Assert.Single(records, r => r.Kind == AuditKinds.OperatorAcknowledgement);
        var outcome = Assert.Single(records, r => r.Kind == AuditKinds.OperatorOutcome);
        using var attempted = JsonDocument.Parse(acknowledged.Payload);
        using var applied = JsonDocument.Parse(outcome.Payload);
        Assert.Equal("attempted", attempted.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(
            (AuditKinds.OperatorAcknowledgement, acknowledged.At, "applied"),
            (
                applied.RootElement.GetProperty("of").GetString(),
                applied.RootElement.GetProperty("at").GetDateTimeOffset(),
                applied.RootElement.GetProperty("outcome").GetString()
            )
        );
        var stored = (await ops.Orders.FindAsync("rec-ack", default))!.Value;
        Assert.Equal((acknowledged.At, acknowledged.At), (stored.ReviewAcknowledgedAt!.Value, stored.UpdatedAt));
    }

    [Fact]
    public async Task ReplayWebhook_ChunkedBodyWithoutContentType_415NothingReplayed()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var eventId = await AbandonedAsync(ops, "rec-chunked");
        using var client = ops.Host.CreateOperatorClient();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("""{"note":"x"}""")));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ops/webhooks/rec-chunked/{eventId}/replay")
        {
            Content = content,
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var outbox = ops.Services.GetRequiredService<IWebhookOutbox>();
        var delivery = await outbox.FindAsync("rec-chunked", eventId, default);
        Assert.Equal(WebhookDeliveryState.Abandoned, delivery!.State);
    }

    [Fact]
    public async Task ReplayWebhook_NoteWithACardNumber_400NamingNoteNothingRecorded()
    {
        await using var ops = await OpsServer.StartAsync(azurite);
        var eventId = await AbandonedAsync(ops, "rec-pan");

        var response = await ops.PostAsync(
            $"/api/ops/webhooks/rec-pan/{eventId}/replay",
            """{"operator":"a@b.c","note":"card 4111-1111-1111-1111 works now"}"""
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("note", out _), body);
        Assert.DoesNotContain("4111", body, StringComparison.Ordinal);
        var audit = ops.Services.GetRequiredService<IAuditLog>();
        var records = await audit.ListAsync("rec-pan", default, default).ToListAsync();
        Assert.DoesNotContain(records, r => AuditKinds.IsOperator(r.Kind));
    }

    [Fact]
    public async Task EnableWebhookEndpoint_AuditWriteFails_503AndStillDisabled()
    {
        var clock = new FakeTimeProvider(TestOrders.Now);
        await using var server = await ServerHost.StartAsync(
            azurite,
            HandDrivenJobs.Settings(clock, new Dictionary<string, string?> { ["Webhooks:Url"] = OpsServer.WebhookUrl }),
            s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<Payments.Azure.Audit.TableAuditLog>();
                s.AddSingleton<IAuditLog>(sp => new OperatorAuditOutage(
                    sp.GetRequiredService<Payments.Azure.Audit.TableAuditLog>()
                ));
            }
        );
        var outbox = server.Services.GetRequiredService<IWebhookOutbox>();
        await outbox.DisableAsync(new Uri(OpsServer.WebhookUrl), clock.GetUtcNow(), default);
        using var client = server.CreateOperatorClient();

        using var body = new StringContent("""{"operator":"dave@shop.example"}""", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/ops/webhooks/endpoint/enable", body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(await outbox.IsDisabledAsync(new Uri(OpsServer.WebhookUrl), default));
    }

    private static async Task<string> AbandonedAsync(OpsServer ops, string id)
    {
        var order = await ops.NeedsReviewAsync(id);
        var now = ops.Clock.GetUtcNow();
        var delivery = WebhookDelivery.Start(order.LastEvent!.Id, now) with { Attempts = 8, LastStatusCode = 500 };
        var outbox = ops.Services.GetRequiredService<IWebhookOutbox>();
        Assert.NotNull(await outbox.TrySaveAsync(id, delivery.Abandon("HTTP 500", now), null, default));
        return order.LastEvent.Id;
    }

    /// <summary>Storage refuses operators' action records (and only those).</summary>
    private sealed class OperatorAuditOutage(IAuditLog inner) : IAuditLog
    {
        public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken) =>
            AuditKinds.IsOperator(record.Kind)
                ? throw new Payments.Core.StorageUnavailableException("Audit table: Unavailable")
                : inner.RecordAsync(record, cancellationToken);

        public Task RecordUnverifiedAsync(AuditRecord summary, CancellationToken cancellationToken) =>
            inner.RecordUnverifiedAsync(summary, cancellationToken);

        public IAsyncEnumerable<AuditRecord> ListAsync(
            string? orderId,
            DateTimeOffset day,
            CancellationToken cancellationToken
        ) => inner.ListAsync(orderId, day, cancellationToken);

        public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
            inner.PurgeAsync(before, cancellationToken);
    }
}
