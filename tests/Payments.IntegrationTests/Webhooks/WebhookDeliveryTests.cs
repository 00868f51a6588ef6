using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.Http.Webhooks;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Webhooks;

/// <summary>
/// Outbound notifications: Server + sandbox + Azurite, delivered to a receiver that checks signatures itself.
/// </summary>
public sealed class WebhookDeliveryTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static Dictionary<string, string?> Settings(WebhookReceiver receiver, string? previousSecret = null) =>
        new()
        {
            ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
            ["Webhooks:Timeout"] = "00:00:01",
            ["Webhooks:RetrySchedule:0"] = "00:00:01",
            ["Webhooks:RetrySchedule:1"] = "00:00:01",
            ["Webhooks:RetrySchedule:2"] = "00:00:01",
            ["Webhooks:RetrySchedule:3"] = "00:00:01",
            ["DeliverWebhooksSchedule"] = "*/1 * * * * *",
            ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            ["Secrets:Webhooks-PreviousSigningSecret"] = previousSecret,
        };

    [Fact]
    public async Task FinalStates_Receiver500sAndServerRestart_EachDeliveredOncePerEventIdWithValidSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, attempt) => attempt <= 2 ? 500 : 200;
        await using var system = await PaymentsSystem.StartAsync(azurite, Settings(receiver));
        var truth = new Dictionary<string, string>
        {
            ["wh-paid"] = "order.succeeded",
            ["wh-failed"] = "order.failed",
            ["wh-card"] = "order.succeeded",
        };

        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-paid"), "100.00", "success");
        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-failed"), "100.00", "failed");
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "wh-card"), "success");
        await WaitForAttemptsAsync(receiver, minimum: 3);
        await system.RestartServerAsync();
        await receiver.WaitUntilAsync(accepted => truth.Keys.All(id => accepted.Any(d => d.OrderId == id)));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.All(receiver.Deliveries, d => Assert.True(d.SignatureValid, $"bad signature on {d.Id}"));
        Assert.Contains(receiver.Deliveries, d => d.Answered == 500);
        var accepted = receiver.Accepted;
        Assert.Equal(accepted.Count, accepted.Select(d => d.Id).Distinct().Count());
        foreach (var (orderId, type) in truth)
        {
            var delivered = Assert.Single(accepted, d => d.OrderId == orderId);
            Assert.Equal(type, delivered.Type);
            var status = delivered.Type.EndsWith("succeeded", StringComparison.Ordinal)
                ? OrderStatus.Succeeded
                : OrderStatus.Failed;
            Assert.Equal(OrderEvent.IdFor(orderId, 1, status), delivered.Id);
            Assert.Equal(3, receiver.Deliveries.Count(d => d.Id == delivered.Id));
        }
    }

    [Fact]
    public async Task RefundAndFlaggedCollection_EachDeliveredWithItsType()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await PaymentsSystem.StartAsync(azurite, Settings(receiver));

        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "wh-refunded"), "success");
        await system.WaitForStatusAsync("wh-refunded", "Succeeded");
        var refunded = await CollectionFlow.RefundAsync(system, "wh-refunded");
        Assert.Equal(System.Net.HttpStatusCode.Created, refunded.StatusCode);
        var refundId = (await refunded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundId").GetString()!;
        await CollectionFlow.SyncAsync(system, refundId);
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "wh-partial"), "partial");
        await receiver.WaitUntilAsync(accepted => accepted.Count >= 3);

        var types = receiver.Accepted.Select(d => (d.OrderId, d.Type)).ToList();
        Assert.Equal(3, types.Count);
        Assert.Contains(("wh-refunded", "order.succeeded"), types);
        Assert.Contains(("wh-partial", "order.needs_review"), types);
        var refund = Assert.Single(receiver.Accepted, d => d.Type == "refund.succeeded");
        using var body = JsonDocument.Parse(refund.Body);
        Assert.Equal("wh-refunded", body.RootElement.GetProperty("data").GetProperty("parentOrderId").GetString());
    }

    [Fact]
    public async Task Delivery_BodyAndHeaders_StandardWebhooksAndTheOrderAsTheApiShowsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await PaymentsSystem.StartAsync(azurite, Settings(receiver));

        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-body"), "100.00", "success");
        await receiver.WaitUntilAsync(accepted => accepted.Count == 1);

        var delivery = Assert.Single(receiver.Accepted);
        Assert.StartsWith("evt_", delivery.Id, StringComparison.Ordinal);
        Assert.InRange(
            long.Parse(delivery.Timestamp, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds()
        );
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal("order.succeeded", body.RootElement.GetProperty("type").GetString());
        var order = await system.WaitForStatusAsync("wh-body", "Succeeded");
        Assert.Equal(order.GetRawText(), body.RootElement.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Rotation_PreviousSecretSet_BothSignaturesSentEachVerifiesWithItsSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var previous =
            "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var system = await PaymentsSystem.StartAsync(azurite, Settings(receiver, previous));

        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-rotate"), "100.00", "success");
        await receiver.WaitUntilAsync(accepted => accepted.Count == 1);

        var delivery = Assert.Single(receiver.Accepted);
        var signatures = delivery.Signature.Split(' ');
        Assert.Equal(2, signatures.Length);
        Assert.True(
            WebhookReceiver.Verifies(receiver.Secret, delivery.Id, delivery.Timestamp, delivery.Body, signatures[0])
        );
        Assert.True(WebhookReceiver.Verifies(previous, delivery.Id, delivery.Timestamp, delivery.Body, signatures[1]));
        Assert.False(WebhookReceiver.Verifies(previous, delivery.Id, delivery.Timestamp, delivery.Body, signatures[0]));
    }

    [Fact]
    public async Task Endpoint410_EndpointDisabledAndNothingMoreSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => 410;
        await using var system = await PaymentsSystem.StartAsync(azurite, Settings(receiver));

        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-gone-1"), "100.00", "success");
        await WaitForAttemptsAsync(receiver, minimum: 1);
        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-gone-2"), "100.00", "success");
        await system.WaitForStatusAsync("wh-gone-2", "Succeeded");
        await Task.Delay(TimeSpan.FromSeconds(4));

        var only = Assert.Single(receiver.Deliveries);
        Assert.Equal("wh-gone-1", only.OrderId);
        Assert.True(
            await system.Server.Services.GetRequiredService<IWebhookOutbox>().IsDisabledAsync(receiver.Url, default)
        );
    }

    [Fact]
    public async Task SlowReceiver_AttemptTimesOutAndIsRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(2);
        await using var system = await PaymentsSystem.StartAsync(azurite, Settings(receiver));

        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-slow"), "100.00", "success");
        await WaitForAttemptsAsync(receiver, minimum: 2);

        var outbox = system.Server.Services.GetRequiredService<IWebhookOutbox>();
        var eventId = OrderEvent.IdFor("wh-slow", 1, OrderStatus.Succeeded);
        var delivery = await outbox.FindAsync("wh-slow", eventId, default);
        Assert.NotNull(delivery);
        Assert.StartsWith("no answer within", delivery.LastError, StringComparison.Ordinal);
        Assert.True(delivery.Attempts >= 2);
    }

    [Fact]
    public async Task OrderMovedOn_EarlierEventNotRetriedLaterOneDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (id, _) => id == OrderEvent.IdFor("wh-late", 1, OrderStatus.Expired) ? 500 : 200;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var own = Settings(receiver);
        own.Remove("DeliverWebhooksSchedule");
        var settings = HandDrivenJobs.Settings(clock, own);
        settings["HuaweiPin:FrameLifetime"] = "00:01:00";
        await using var system = await PaymentsSystem.StartAsync(azurite, settings, s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        var dispatcher = system.Server.Services.GetRequiredService<WebhookDispatcher>();
        async Task DeliverUntilAsync(Func<bool> done, TimeSpan step)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            await dispatcher.RunOnceAsync(default);
            while (!done())
            {
                Assert.True(
                    DateTime.UtcNow < deadline,
                    $"deliveries so far: {string.Join(", ", receiver.Deliveries.Select(d => d.Type))}"
                );
                await Task.Delay(100);
                clock.Advance(step);
                await dispatcher.RunOnceAsync(default);
            }
        }

        int ExpiredAttempts() => receiver.Deliveries.Count(d => d.Type == "order.expired");

        var iframeUrl = await FrameFlow.CreatedIframeUrlAsync(system, "wh-late");
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await system.Server.Services.GetRequiredService<ExpireFramesJob>().RunOnceAsync(default));
        await system.WaitForStatusAsync("wh-late", "Expired");
        await DeliverUntilAsync(() => ExpiredAttempts() >= 1, TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(5));
        await DeliverUntilAsync(() => ExpiredAttempts() >= 2, TimeSpan.FromSeconds(2));
        await FrameFlow.PayAsync(iframeUrl, "100.00", "success");
        await system.WaitForStatusAsync("wh-late", "Succeeded");
        await DeliverUntilAsync(() => receiver.Accepted.Any(d => d.Type == "order.succeeded"), TimeSpan.FromSeconds(1));
        var expiredAttempts = ExpiredAttempts();
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await dispatcher.RunOnceAsync(default);
        }

        Assert.Equal(2, expiredAttempts);
        Assert.Equal(expiredAttempts, ExpiredAttempts());
        Assert.Single(receiver.Accepted);
    }

    /// <summary>
    /// A collection whose apply answer is slow is found open by a query past the in-flight window (needs review,
    /// pay-url-unknown), the late answer restores it to Pending, and a partial collection flags it again: the merchant
    /// gets two <c>order.needs_review</c> notifications, each its own event.
    /// </summary>
    [Fact]
    public async Task NeedsReviewReentered_SecondNeedsReviewDeliveredAsItsOwnEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var own = Settings(receiver);
        own.Remove("DeliverWebhooksSchedule");
        own["HaiPay:Timeout"] = "00:00:08";
        own["HaiPay:ClaimLease"] = "00:00:30";
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Settings(clock, own), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        var dispatcher = system.Server.Services.GetRequiredService<WebhookDispatcher>();
        async Task DeliverUntilAsync(Func<bool> done)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            await dispatcher.RunOnceAsync(default);
            while (!done() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                await dispatcher.RunOnceAsync(default);
            }
        }

        int NeedsReviewDelivered() =>
            receiver.Accepted.Count(d => d.OrderId == "wh-reentered" && d.Type == "order.needs_review");

        await system.SetHaiPayFaultsAsync(new { apply = "timeout", slowReply = "00:00:04" });
        var create = CollectionFlow.CreateAsync(system, CollectionFlow.Request("wh-reentered"));
        while (await system.SandboxPaymentAsync("wh-reentered") is null)
        {
            await Task.Delay(20);
        }

        clock.Advance(PaymentOrder.InFlightWindow + TimeSpan.FromSeconds(1));
        using var sync = await CollectionFlow.SyncAsync(system, "wh-reentered");
        var synced = await sync.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pay-url-unknown", synced.GetProperty("reviewReason").GetString());
        await DeliverUntilAsync(() => NeedsReviewDelivered() >= 1);
        using var created = await create;
        var payUrl = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payUrl").GetString()!;
        await system.WaitForStatusAsync("wh-reentered", "Pending");
        await system.SetHaiPayFaultsAsync(new { });
        await CollectionFlow.CompleteAsync(payUrl, "partial");
        await system.WaitForStatusAsync("wh-reentered", "NeedsReview");
        await DeliverUntilAsync(() => NeedsReviewDelivered() >= 2);

        var reviews = receiver.Accepted.Where(d => d.OrderId == "wh-reentered").ToList();
        Assert.Equal(["order.needs_review", "order.needs_review"], reviews.Select(d => d.Type));
        Assert.NotEqual(reviews[0].Id, reviews[1].Id);
        using var second = JsonDocument.Parse(reviews[1].Body);
        var reason = second.RootElement.GetProperty("data").GetProperty("reviewReason").GetString();
        Assert.Equal("partial-collection", reason);
    }

    [Fact]
    public async Task NoEndpointConfigured_EventAbandonedNotSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = Settings(receiver);
        settings["Webhooks:Url"] = string.Empty;
        await using var system = await PaymentsSystem.StartAsync(azurite, settings);

        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-off"), "100.00", "success");
        await system.WaitForStatusAsync("wh-off", "Succeeded");
        var outbox = system.Server.Services.GetRequiredService<IWebhookOutbox>();
        WebhookDelivery? delivery = null;
        for (var i = 0; i < 50 && delivery is null; i++)
        {
            await Task.Delay(100);
            delivery = await outbox.FindAsync("wh-off", OrderEvent.IdFor("wh-off", 1, OrderStatus.Succeeded), default);
        }

        Assert.Equal(WebhookDeliveryState.Abandoned, delivery?.State);
        Assert.Empty(receiver.Deliveries);
    }

    [Fact]
    public async Task SandboxMerchant_DevelopmentSecret_ReceivesAndVerifiesNotification()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["DeliverWebhooksSchedule"] = "*/1 * * * * *" }
        );
        await system.RestartServerWithAsync(
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = new Uri(system.Sandbox.BaseAddress, "/merchant/webhooks").AbsoluteUri,
                ["Secrets:Webhooks-SigningSecret"] = "whsec_c2FuZGJveC13ZWJob29rLXNpZ25pbmctc2VjcmV0LTAx",
            }
        );

        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "wh-sandbox"), "100.00", "success");

        using var client = system.Sandbox.CreateClient();
        JsonElement received = default;
        for (var i = 0; i < 100 && received.ValueKind != JsonValueKind.Object; i++)
        {
            await Task.Delay(100);
            received = (await client.GetFromJsonAsync<JsonElement>("/merchant/webhooks"))
                .EnumerateArray()
                .FirstOrDefault();
        }

        Assert.Equal("order.succeeded", received.GetProperty("type").GetString());
        Assert.True(received.GetProperty("signatureValid").GetBoolean());
    }

    private static async Task WaitForAttemptsAsync(WebhookReceiver receiver, int minimum, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (receiver.Deliveries.Count < minimum)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {receiver.Deliveries.Count} deliveries arrived");
            await Task.Delay(100);
        }
    }
}
