using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.Http.Endpoints;
using Payments.Http.Telemetry;
using Payments.Http.Webhooks;
using Payments.IntegrationTests.Chaos;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Telemetry;

/// <summary>
/// Each instrument of the <c>Payments</c> meter moves on its real flow through the running system (Server + sandboxes +
/// Azurite). Every test starts its own host, and its collectors listen to that host's meter only (the meter its
/// <c>IMeterFactory</c> made), so tests running in parallel do not see each other's measurements. Scheduled jobs are
/// pushed out of reach and run by hand.
/// </summary>
[Collection(SerialGroup.Name)]
public sealed class TelemetryMetricsTests(SharedAzurite azurite)
{
    [Fact]
    public async Task Callbacks_AppliedDuplicateForgedMalformedUnknownAndContradicting_EachCountedWithItsOutcomeAndTheTransitions()
    {
        await using var system = await StartAsync();
        var telemetry = Telemetry(system);
        using var callbacks = new MetricCollector<long>(telemetry.Meter, PaymentsTelemetry.Instruments.Callbacks);
        using var transitions = new MetricCollector<long>(telemetry.Meter, PaymentsTelemetry.Instruments.Transitions);
        await FrameFlow.CreatedIframeUrlAsync(system, "tm-cb");
        var platformKey = HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate);

        var answers = new[]
        {
            await PostAsync(
                system,
                ProviderMessages.Genuine("tm-cb", OrderStatus.Succeeded, 40m, PaymentProvider.HuaweiPin)
            ),
            await PostAsync(
                system,
                ProviderMessages.Genuine("tm-cb", OrderStatus.Succeeded, 40m, PaymentProvider.HuaweiPin)
            ),
            await PostAsync(
                system,
                ProviderMessages.HuaweiPin("tm-cb", OrderStatus.Succeeded, 40m, "forged-callback-key", null)
            ),
            await PostAsync(
                system,
                new Delivery("/api/huaweipin/callback", """{"merchant_oid":5}""", "OK", Forged: false)
            ),
            await PostAsync(system, new Delivery("/api/huaweipin/callback", "not json", "OK", Forged: false)),
            await PostAsync(
                system,
                ProviderMessages.Genuine("tm-cb-missing", OrderStatus.Succeeded, 40m, PaymentProvider.HuaweiPin)
            ),
            await PostAsync(
                system,
                ProviderMessages.Genuine("tm-cb", OrderStatus.Failed, 40m, PaymentProvider.HuaweiPin)
            ),
            await PostAsync(
                system,
                ProviderMessages.HaiPay("tm-hp-missing", OrderStatus.Succeeded, 12.50m, platformKey, tamper: false)
            ),
            await PostAsync(
                system,
                ProviderMessages.HaiPay("tm-hp-missing", OrderStatus.Succeeded, 12.50m, platformKey, tamper: true)
            ),
        };

        Assert.Equal(
            [
                HttpStatusCode.OK,
                HttpStatusCode.OK,
                HttpStatusCode.Unauthorized,
                HttpStatusCode.BadRequest,
                HttpStatusCode.BadRequest,
                HttpStatusCode.OK,
                HttpStatusCode.OK,
                HttpStatusCode.OK,
                HttpStatusCode.Unauthorized,
            ],
            answers
        );
        var counted = callbacks.GetMeasurementSnapshot();
        Assert.All(counted, m => Assert.Equal(1, m.Value));
        Assert.Equal(
            [
                "huaweipin/callback/applied",
                "huaweipin/callback/duplicate",
                "huaweipin/callback/unverified",
                "huaweipin/callback/malformed",
                "huaweipin/callback/malformed",
                "huaweipin/callback/unknown-order",
                "huaweipin/callback/rejected",
                "haipay/notification/unknown-order",
                "haipay/notification/unverified",
            ],
            counted.Select(m => $"{m.Tags["provider"]}/{m.Tags["kind"]}/{m.Tags["outcome"]}")
        );
        Assert.Equal(
            ["Created->Pending:", "Pending->Succeeded:"],
            transitions.GetMeasurementSnapshot().Select(m => $"{m.Tags["from"]}->{m.Tags["to"]}:{m.Tags["reason"]}")
        );
    }

    [Fact]
    public async Task OrderTransitions_FrameCreatedThenUnknownStatusCallback_CountedWithTheReviewReason()
    {
        await using var system = await StartAsync();
        using var transitions = new MetricCollector<long>(
            Telemetry(system).Meter,
            PaymentsTelemetry.Instruments.Transitions
        );
        await FrameFlow.CreatedIframeUrlAsync(system, "tm-tr");
        await system.SetHuaweiPinFaultsAsync(new { callbackStatus = "chargeback-pending" });

        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, "tm-tr-review"), "40.00", "success");
        await system.WaitForStatusAsync("tm-tr-review", "NeedsReview");

        var seen = transitions
            .GetMeasurementSnapshot()
            .Select(m => $"{m.Tags["from"]}->{m.Tags["to"]}:{m.Tags["reason"]}")
            .ToList();
        Assert.Equal(2, seen.Count(t => t == "Created->Pending:"));
        Assert.Contains($"Pending->NeedsReview:{ReviewReason.UnknownCallbackStatus.Name()}", seen);
    }

    [Fact]
    public async Task ProviderCalls_SuccessRefusedUnavailableAndMalformed_CountedAndTimedWithTheSameTags()
    {
        await using var system = await StartAsync();
        var telemetry = Telemetry(system);
        using var calls = new MetricCollector<long>(telemetry.Meter, PaymentsTelemetry.Instruments.ProviderCalls);
        using var durations = new MetricCollector<double>(
            telemetry.Meter,
            PaymentsTelemetry.Instruments.ProviderCallDuration
        );

        await FrameFlow.CreatedIframeUrlAsync(system, "tm-pc-frame");
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "error" });
        await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = "tm-pc-frame-500",
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "code500" });
        await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = "tm-pc-frame-odd",
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );
        await CollectionFlow.CreatedPayUrlAsync(system, "tm-pc-collection");
        await system.SetHaiPayFaultsAsync(new { merchantSecret = "a-secret-haipay-no-longer-accepts" });
        await CollectionFlow.CreateAsync(system, CollectionFlow.Request("tm-pc-collection-refused"));

        var counted = calls.GetMeasurementSnapshot().Select(Describe).ToList();
        Assert.Equal(
            [
                "huaweipin/getframe/success",
                "huaweipin/getframe/unavailable",
                "huaweipin/getframe/malformed",
                "haipay/create-collection/success",
                "haipay/create-collection/refused",
            ],
            counted
        );
        var timed = durations.GetMeasurementSnapshot();
        Assert.Equal(counted, timed.Select(Describe));
        Assert.All(timed, m => Assert.True(m.Value >= 0, "a duration in seconds"));
    }

    [Fact]
    public async Task PollLag_AnOrderDueTenMinutesAgo_RecordedWhenTheRunStartsAndZeroWhenNothingIsDue()
    {
        await using var system = await StartAsync();
        using var lag = new MetricCollector<double>(Telemetry(system).Meter, PaymentsTelemetry.Instruments.PollLag);
        var dueAt = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        await system
            .Server.Services.GetRequiredService<IOrderRepository>()
            .AddAsync(TestOrders.New("tm-poll", PaymentProvider.HaiPay, nextCheckAt: dueAt), default);
        var poller = system.Server.Services.GetRequiredService<HaiPayPoller>();

        var checkedFirst = await poller.RunOnceAsync(default);
        var checkedThen = await poller.RunOnceAsync(default);

        Assert.Equal((1, 0), (checkedFirst, checkedThen));
        var recorded = lag.GetMeasurementSnapshot();
        Assert.Equal(2, recorded.Count);
        Assert.True(recorded[0].Value >= TimeSpan.FromMinutes(10).TotalSeconds, $"lag {recorded[0].Value} s");
        Assert.Equal(0, recorded[1].Value);
    }

    [Fact]
    public async Task WebhookDeliveries_DeliveredFailedAbandonedAndGone_CountedAndEachRunsBacklogRecorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failing = OrderEvent.IdFor("tm-wh-bad", 1, OrderStatus.Succeeded);
        var gone = OrderEvent.IdFor("tm-wh-gone", 1, OrderStatus.Succeeded);
        receiver.Answer = (eventId, _) =>
            eventId == failing ? 500
            : eventId == gone ? 410
            : 200;
        await using var system = await StartAsync(
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["Webhooks:Timeout"] = "00:00:02",
                ["Webhooks:RetrySchedule:0"] = "00:00:00.200",
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            }
        );
        var telemetry = Telemetry(system);
        using var deliveries = new MetricCollector<long>(
            telemetry.Meter,
            PaymentsTelemetry.Instruments.WebhookDeliveries
        );
        using var backlog = new MetricCollector<long>(telemetry.Meter, PaymentsTelemetry.Instruments.WebhookBacklog);
        var dispatcher = system.Server.Services.GetRequiredService<WebhookDispatcher>();
        await SucceedFrameAsync(system, "tm-wh-ok");
        await SucceedFrameAsync(system, "tm-wh-bad");

        await dispatcher.RunOnceAsync(default);
        var firstRun = Outcomes(deliveries);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Outcomes(deliveries).Contains(WebhookOutcomes.Abandoned) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            await dispatcher.RunOnceAsync(default);
        }

        await dispatcher.RunOnceAsync(default);
        var afterAbandoned = backlog.LastMeasurement?.Value;
        await SucceedFrameAsync(system, "tm-wh-gone");
        await dispatcher.RunOnceAsync(default);

        Assert.Equal([WebhookOutcomes.Delivered, WebhookOutcomes.Failed], firstRun.Order(StringComparer.Ordinal));
        Assert.Equal(
            [WebhookOutcomes.Abandoned, WebhookOutcomes.Delivered, WebhookOutcomes.Failed, WebhookOutcomes.Gone],
            Outcomes(deliveries).Order(StringComparer.Ordinal)
        );
        var runs = backlog.GetMeasurementSnapshot();
        Assert.Equal(2, runs[0].Value);
        Assert.Equal(0, afterAbandoned);
        Assert.Equal(1, runs[^1].Value);
    }

    [Fact]
    public async Task KeyVaultReads_VaultAnswersThenGoesDown_SuccessesThenAFailure()
    {
        await using var vault = await KeyVaultEmulator.StartAsync(VaultSecrets());
        var credential = new StaticTokenCredential();
        var settings = new Dictionary<string, string?> { ["KeyVault:VaultUri"] = vault.VaultUri.AbsoluteUri };
        await using var system = await StartAsync(settings, services =>
        {
            services.AddSingleton<global::Azure.Core.TokenCredential>(credential);
            services.AddSingleton(vault.CreateClient(credential));
        });
        using var reads = new MetricCollector<long>(
            Telemetry(system).Meter,
            PaymentsTelemetry.Instruments.KeyVaultReads
        );

        await FrameFlow.CreatedIframeUrlAsync(system, "tm-kv-frame");
        var whileUp = reads.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]).ToList();
        vault.Down = true;
        var refused = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("tm-kv-collection"));

        Assert.Equal(["success", "success"], whileUp);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("failure", reads.LastMeasurement?.Tags["outcome"]);
    }

    [Fact]
    public async Task RateLimitRejections_ServerOneOverTheLimit_CountedWithHostAndRoute()
    {
        await using var system = await StartAsync(
            new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1", ["RateLimiting:Window"] = "01:00:00" }
        );
        using var rejections = new MetricCollector<long>(
            Telemetry(system).Meter,
            PaymentsTelemetry.Instruments.RateLimitRejections
        );
        var callback = ProviderMessages.Genuine("tm-rl-missing", OrderStatus.Succeeded, 40m, PaymentProvider.HuaweiPin);

        var first = await PostAsync(system, callback);
        var second = await PostAsync(system, callback);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first, second));
        var rejected = Assert.Single(rejections.GetMeasurementSnapshot());
        Assert.Equal(
            ("server", ApiRoutes.HuaweiPinCallback.Name),
            ((string?)rejected.Tags["host"], (string?)rejected.Tags["route"])
        );
    }

    [Fact]
    public async Task RateLimitRejections_FunctionsOneOverTheLimit_CountedWithHostAndRoute()
    {
        await using var system = await StartAsync();
        var settings = new Dictionary<string, string?>(system.Settings)
        {
            ["RateLimiting:PermitLimit"] = "1",
            ["RateLimiting:Window"] = "01:00:00",
        };
        await using var worker = await FunctionsWorker.StartAsync(azurite, system.Server.TablePrefix, settings);
        using var rejections = new MetricCollector<long>(
            worker.Services.GetRequiredService<PaymentsTelemetry>().Meter,
            PaymentsTelemetry.Instruments.RateLimitRejections
        );
        var notification = ProviderMessages.HaiPay(
            "tm-rl-fn-missing",
            OrderStatus.Succeeded,
            12.50m,
            HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate),
            tamper: false
        );

        var first = await worker.SendAsync(new FunctionRequest("POST", notification.Path, notification.Body));
        var second = await worker.SendAsync(new FunctionRequest("POST", notification.Path, notification.Body));

        Assert.Equal((200, 429), (first.Status, second.Status));
        var rejected = Assert.Single(rejections.GetMeasurementSnapshot());
        Assert.Equal(
            ("functions", ApiRoutes.HaiPayNotify.Name),
            ((string?)rejected.Tags["host"], (string?)rejected.Tags["route"])
        );
    }

    internal static PaymentsTelemetry Telemetry(PaymentsSystem system) =>
        system.Server.Services.GetRequiredService<PaymentsTelemetry>();

    /// <summary>A system whose scheduled jobs never run during the test (the tests run them by hand).</summary>
    internal static Task<PaymentsSystem> StartHandDrivenAsync(
        AzuriteFixture azurite,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null
    ) =>
        PaymentsSystem.StartAsync(
            azurite,
            HandDrivenJobs.Settings(TimeProvider.System, settings ?? new Dictionary<string, string?>()),
            services
        );

    private Task<PaymentsSystem> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null
    ) => StartHandDrivenAsync(azurite, settings, services);

    /// <summary>A HUAWEIPIN frame paid by the customer in the sandbox; returns once the order is Succeeded.</summary>
    internal static async Task SucceedFrameAsync(PaymentsSystem system, string orderId)
    {
        await FrameFlow.PayAsync(await FrameFlow.CreatedIframeUrlAsync(system, orderId), "40.00", "success");
        await system.WaitForStatusAsync(orderId, "Succeeded");
    }

    private static async Task<HttpStatusCode> PostAsync(PaymentsSystem system, Delivery delivery)
    {
        using var client = system.Server.CreateAnonymousClient();
        using var response = await client.PostAsync(
            delivery.Path,
            new StringContent(delivery.Body, Encoding.UTF8, "application/json")
        );
        return response.StatusCode;
    }

    private static string Describe<T>(CollectedMeasurement<T> m)
        where T : struct => $"{m.Tags["provider"]}/{m.Tags["operation"]}/{m.Tags["outcome"]}";

    private static List<string> Outcomes(MetricCollector<long> deliveries) =>
        [.. deliveries.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!)];

    private static Dictionary<string, string> VaultSecrets() =>
        new()
        {
            [Payments.Core.Secrets.SecretNames.HuaweiPinApiKey] = PaymentsSystem.ApiKey,
            [Payments.Core.Secrets.SecretNames.HuaweiPinSecretKey] = PaymentsSystem.SecretKey,
            [Payments.Core.Secrets.SecretNames.HuaweiPinCallbackKey] = PaymentsSystem.CallbackKey,
            [Payments.Core.Secrets.SecretNames.HaiPayPrivateKey("USD")] = PaymentsSystem.HaiPayKeys.MerchantPrivate,
            [Payments.Core.Secrets.SecretNames.HaiPayMerchantSecret("USD")] = PaymentsSystem.HaiPayMerchantSecret,
            [Payments.Core.Secrets.SecretNames.HaiPayPlatformPublicKey("USD")] = PaymentsSystem
                .HaiPayKeys
                .PlatformPublic,
            [Payments.Core.Secrets.SecretNames.IdempotencyFingerprintKey] = ServerHost.FingerprintKey,
        };
}
