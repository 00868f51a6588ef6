using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Audit;
using Payments.Core.Idempotency;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Functions;

/// <summary>
/// Every timer function of the worker's real host, called once as its schedule would, against Azurite and the sandbox;
/// the Server's own timers are set to 29 February so that only the function does the work.
/// </summary>
public sealed class FunctionsTimerTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task ExpireFrames_FrameOlderThanItsLifetime_OrderExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, QuietServer(), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await using var worker = await FunctionsWorker.StartAsync(azurite, system, s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await FrameFlow.CreatedIframeUrlAsync(system, "fn-expire");
        clock.Advance(TimeSpan.FromHours(73));

        await worker.RunTimerAsync("ExpireFrames");

        await system.WaitForStatusAsync("fn-expire", "Expired");
    }

    [Fact]
    public async Task HaiPayPoll_CollectionDueForACheck_QueriedAtHaiPay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, QuietServer(), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await using var worker = await FunctionsWorker.StartAsync(azurite, system, s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        await CollectionFlow.CompleteAsync(await CollectionFlow.CreatedPayUrlAsync(system, "fn-poll"), "success");
        clock.Advance(TimeSpan.FromMinutes(2));

        await worker.RunTimerAsync("HaiPayPoll");

        Assert.Equal(1, (await system.SandboxPaymentAsync("fn-poll"))!.Value.GetProperty("queries").GetInt32());
        await system.WaitForStatusAsync("fn-poll", "Succeeded");
    }

    [Fact]
    public async Task PurgeIdempotencyKeys_ExpiredKey_DeletedFreshKeyKept()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, QuietServer());
        await using var worker = await FunctionsWorker.StartAsync(azurite, system);
        var store = worker.Services.GetRequiredService<IIdempotencyStore>();
        var options = worker.Services.GetRequiredService<IOptions<IdempotencyOptions>>().Value;
        var now = DateTimeOffset.UtcNow;
        await store.TryAddAsync(
            "fn-old",
            IdempotencyRecord.Begin("fp", options, now - options.Expiry - TimeSpan.FromMinutes(1)),
            default
        );
        await store.TryAddAsync("fn-fresh", IdempotencyRecord.Begin("fp", options, now), default);

        await worker.RunTimerAsync("PurgeIdempotencyKeys");

        Assert.Null(await store.FindAsync("fn-old", default));
        Assert.NotNull(await store.FindAsync("fn-fresh", default));
    }

    [Fact]
    public async Task DeliverWebhooks_OrderSucceeded_SignedEventDeliveredToTheMerchant()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = QuietServer();
        settings["Webhooks:Url"] = receiver.Url.AbsoluteUri;
        settings["Secrets:Webhooks-SigningSecret"] = receiver.Secret;
        await using var system = await PaymentsSystem.StartAsync(azurite, settings);
        await using var worker = await FunctionsWorker.StartAsync(azurite, system);
        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "fn-hook"), "40.00", "success");
        await system.WaitForStatusAsync("fn-hook", "Succeeded");
        Assert.Empty(receiver.Deliveries);

        await worker.RunTimerAsync("DeliverWebhooks");

        var delivery = Assert.Single(receiver.Accepted);
        Assert.Equal(("fn-hook", "order.succeeded", true), (delivery.OrderId, delivery.Type, delivery.SignatureValid));
    }

    [Fact]
    public async Task PurgeAudit_MonthWhollyPastRetention_DeletedCurrentMonthKept()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero));
        await using var system = await PaymentsSystem.StartAsync(azurite, QuietServer(), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await using var worker = await FunctionsWorker.StartAsync(azurite, system, s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        var audit = worker.Services.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(
            new AuditRecord("fn-audit", AuditKinds.CallbackApplied, "{\"old\":true}", clock.GetUtcNow()),
            default
        );
        clock.Advance(TimeSpan.FromDays(420));
        await audit.RecordAsync(
            new AuditRecord("fn-audit", AuditKinds.CallbackApplied, "{\"old\":false}", clock.GetUtcNow()),
            default
        );

        await worker.RunTimerAsync("PurgeAudit");

        Assert.Equal(
            "{\"old\":false}",
            Assert.Single(await audit.ListAsync("fn-audit", default, default).ToListAsync()).Payload
        );
    }

    private static Dictionary<string, string?> QuietServer() => HandDrivenJobs.Never();
}
