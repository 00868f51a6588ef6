using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

public sealed class HuaweiPinCallbackTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Key = PaymentsSystem.CallbackKey;

    private static Dictionary<string, object> Callback(
        string oid,
        string amount = "30.00",
        string status = "success",
        string key = Key,
        string? hash = null
    ) =>
        new()
        {
            ["merchant_oid"] = oid,
            ["merchant_callback_privatekey"] = key,
            ["status"] = status,
            ["amount"] = amount,
            ["hash"] = hash ?? HuaweiPinHash.Compute(oid, amount, Key),
        };

    private static async Task<HttpResponseMessage> PostAsync(PaymentsSystem system, object body)
    {
        using var client = system.Server.CreateAnonymousClient();
        return await client.PostAsJsonAsync("/api/huaweipin/callback", body);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(
        PaymentsSystem system,
        string body,
        string contentType = "application/json"
    )
    {
        using var client = system.Server.CreateAnonymousClient();
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        return await client.PostAsync("/api/huaweipin/callback", content);
    }

    [Fact]
    public async Task Callback_50ConcurrentCopies_ExactlyOneStateChangeAnd50Ok()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-50");
        var body = Callback("hp-50");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(system, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())), text =>
            Assert.Equal("OK", text)
        );
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hp-50", default, default)
            .ToListAsync();
        Assert.Single(audit);
        Assert.Equal(AuditKinds.CallbackApplied, audit[0].Kind);
        var order = await system.WaitForStatusAsync("hp-50", "Succeeded");
        Assert.Equal("30.00", order.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Callback_AfterSuccessAFailure_IsAcknowledgedButNeverRegresses()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-regress");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(system, Callback("hp-regress"))).StatusCode);

        var failure = await PostAsync(system, Callback("hp-regress", status: "failed"));

        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        await system.WaitForStatusAsync("hp-regress", "Succeeded");
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hp-regress", default, default)
            .ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied, AuditKinds.CallbackConflict], audit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Callback_UnknownStatus_NeedsReviewRetriedUntilConfiguredThenSettles()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["DeliverWebhooksSchedule"] = "*/1 * * * * *",
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            }
        );
        await system.SetHuaweiPinFaultsAsync(new { callbackStatus = "completed" });
        var iframeUrl = await FrameFlow.CreatedIframeUrlAsync(system, "hp-completed");

        await FrameFlow.PayAsync(iframeUrl, "30.00", "success");

        var flagged = await system.WaitForStatusAsync("hp-completed", "NeedsReview");
        Assert.Equal(ReviewReason.UnknownCallbackStatus.Name(), flagged.GetProperty("reviewReason").GetString());
        Assert.Equal("completed", flagged.GetProperty("providerStatus").GetString());
        await receiver.WaitUntilAsync(accepted =>
            accepted.Any(d => d.OrderId == "hp-completed" && d.Type == "order.needs_review")
        );
        var refused = await WaitForDeliveriesAsync(system, "hp-completed", 3);
        Assert.All(refused, d => Assert.NotInRange(d.GetProperty("status").GetInt32(), 200, 299));
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hp-completed", default, default)
            .ToListAsync();
        var recorded = Assert.Single(audit);
        Assert.Contains("\"completed\"", recorded.Payload, StringComparison.Ordinal);

        await system.RestartServerWithAsync(
            new Dictionary<string, string?>
            {
                ["HuaweiPin:SuccessStatuses:0"] = "success",
                ["HuaweiPin:SuccessStatuses:1"] = "completed",
            }
        );

        var settled = await system.WaitForStatusAsync("hp-completed", "Succeeded");
        Assert.Equal("30.00", settled.GetProperty("amount").GetString());
        Assert.False(
            settled.TryGetProperty("reviewReason", out var reason)
                && reason.ValueKind == System.Text.Json.JsonValueKind.String
        );
        await receiver.WaitUntilAsync(accepted =>
            accepted.Any(d => d.OrderId == "hp-completed" && d.Type == "order.succeeded")
        );
        // The sandbox records a delivery when its answer comes back, which may be after the order settled: poll for it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        System.Text.Json.JsonElement last;
        while (
            (last = (await system.SandboxFrameAsync("hp-completed")).GetProperty("deliveries").EnumerateArray().Last())
                .GetProperty("status")
                .GetInt32() != 200
            && DateTime.UtcNow < deadline
        )
        {
            await Task.Delay(100);
        }

        Assert.Equal(200, last.GetProperty("status").GetInt32());
        Assert.Equal("OK", last.GetProperty("body").GetString());
    }

    private static async Task<List<System.Text.Json.JsonElement>> WaitForDeliveriesAsync(
        PaymentsSystem system,
        string orderId,
        int count
    )
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var deliveries = (await system.SandboxFrameAsync(orderId))
                .GetProperty("deliveries")
                .EnumerateArray()
                .ToList();
            if (deliveries.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(deliveries.Count >= count, $"{deliveries.Count} callback deliveries, expected {count}");
                return deliveries;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Callback_AmountAsJsonNumber_HashedOverItsLiteralText()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-number");
        var hash = HuaweiPinHash.Compute("hp-number", "45.10", Key);
        var json =
            $$"""{"merchant_oid":"hp-number","merchant_callback_privatekey":"{{Key}}","status":"success","amount":45.10,"hash":"{{hash}}"}""";

        Assert.Equal(HttpStatusCode.OK, (await PostRawAsync(system, json)).StatusCode);

        Assert.Equal(
            "45.10",
            (await system.WaitForStatusAsync("hp-number", "Succeeded")).GetProperty("amount").GetString()
        );
    }

    [Fact]
    public async Task Callback_SignedForUnknownOrder_AcknowledgedAndRecordedForOperator()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await PostAsync(system, Callback("hp-nobody"));

        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        var unmatched = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(null, DateTimeOffset.UtcNow, default)
            .ToListAsync();
        var record = Assert.Single(unmatched);
        Assert.Equal(AuditKinds.CallbackUnmatched, record.Kind);
        Assert.Contains("hp-nobody", record.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, record.Payload, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, int> BadCallbacks()
    {
        var good = Callback("hp-bad");
        string Json(Dictionary<string, object> d) => System.Text.Json.JsonSerializer.Serialize(d);
        string Without(string field) => Json(good.Where(p => p.Key != field).ToDictionary(p => p.Key, p => p.Value));
        return new()
        {
            {
                "wrong hash",
                Json(Callback("hp-bad", hash: HuaweiPinHash.Compute("hp-bad", "31.00", Key))),
                "application/json",
                401
            },
            { "wrong key", Json(Callback("hp-bad", key: "not-the-key")), "application/json", 401 },
            {
                "hash for other amount",
                Json(new Dictionary<string, object>(good) { ["amount"] = "3000.00" }),
                "application/json",
                401
            },
            { "missing hash", Without("hash"), "application/json", 400 },
            { "missing key", Without("merchant_callback_privatekey"), "application/json", 400 },
            { "missing amount", Without("amount"), "application/json", 400 },
            {
                "status as object",
                Json(new Dictionary<string, object>(good) { ["status"] = new { x = 1 } }),
                "application/json",
                400
            },
            { "not json", "merchant_oid=hp-bad&status=success", "application/json", 400 },
            { "truncated json", Json(good)[..20], "application/json", 400 },
            { "json array", "[1,2,3]", "application/json", 400 },
            { "form content type", Json(good), "application/x-www-form-urlencoded", 415 },
            {
                "oversized",
                Json(new Dictionary<string, object>(good) { ["padding"] = new string('x', 70_000) }),
                "application/json",
                413
            },
            { "duplicated field", Json(good).TrimEnd('}') + ",\"status\":\"failed\"}", "application/json", 400 },
        };
    }

    [Theory]
    [MemberData(nameof(BadCallbacks))]
    public async Task Callback_Malformed_4xxAndNothingWritten(
        string name,
        string body,
        string contentType,
        int expected
    )
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-bad");
        var before = await StorageScan.AllValuesAsync(system.Server);

        var response = await PostRawAsync(system, body, contentType);

        Assert.True(expected == (int)response.StatusCode, $"{name}: {(int)response.StatusCode}");
        Assert.NotEqual("OK", await response.Content.ReadAsStringAsync());
        var after = await StorageScan.AllValuesAsync(system.Server, row =>
            row.PartitionKey.StartsWith("unverified", StringComparison.Ordinal)
        );
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task FlowsCallbacksAndWebhooks_Afterwards_NoSecretInStorageLogsOrNotifications()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["DeliverWebhooksSchedule"] = "*/1 * * * * *",
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
            }
        );
        var paid = await FrameFlow.CreatedIframeUrlAsync(system, "hp-scan-1");
        await FrameFlow.PayAsync(paid, "77.00", "success");
        await system.WaitForStatusAsync("hp-scan-1", "Succeeded");
        await receiver.WaitUntilAsync(accepted => accepted.Count == 1);
        await PostAsync(system, Callback("hp-scan-1", status: "failed"));
        await PostAsync(system, Callback("hp-scan-unknown"));
        await PostAsync(system, Callback("hp-scan-1", key: Key + "x"));

        var stored = await StorageScan.AllValuesAsync(system.Server);
        var logs = system.Server.Logs.Lines();
        var notifications = receiver.Deliveries.Select(d => System.Text.Encoding.UTF8.GetString(d.Body)).ToList();

        Assert.NotEmpty(stored);
        Assert.NotEmpty(logs);
        Assert.NotEmpty(notifications);
        var webhookKey = receiver.Secret["whsec_".Length..];
        foreach (
            var secret in new[]
            {
                PaymentsSystem.CallbackKey,
                PaymentsSystem.ApiKey,
                PaymentsSystem.SecretKey,
                webhookKey,
            }
        )
        {
            Assert.DoesNotContain(stored, v => v.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(notifications, n => n.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Callback_OrderOfOtherProvider_IsNotSettled()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var repository = system.Server.Services.GetRequiredService<IOrderRepository>();
        await repository.AddAsync(
            PaymentOrder.Create(new NewOrder("hai-1", PaymentProvider.HaiPay, "fp", null), DateTimeOffset.UtcNow),
            default
        );

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(system, Callback("hai-1"))).StatusCode);

        Assert.Equal(OrderStatus.Created, (await repository.FindAsync("hai-1", default))!.Value.Status);
    }
}
