using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Audit;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

public sealed class HuaweiPinEndToEndTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Frame_PaidInSandbox_OrderSucceedsWithPaidAmountAndCallbackAnsweredOk()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var iframeUrl = await FrameFlow.CreatedIframeUrlAsync(system, "hp-e2e-success");

        Assert.Contains(
            "Payment received",
            await FrameFlow.PayAsync(iframeUrl, "25.50", "success"),
            StringComparison.Ordinal
        );

        var order = await system.WaitForStatusAsync("hp-e2e-success", "Succeeded");
        Assert.Equal("25.50", order.GetProperty("amount").GetString());
        Assert.Equal("success", order.GetProperty("providerStatus").GetString());
        var delivery = await PaymentsSystem.FirstDeliveryAsync(() => system.SandboxFrameAsync("hp-e2e-success"));
        Assert.Equal(
            (200, "OK"),
            (delivery.GetProperty("status").GetInt32(), delivery.GetProperty("body").GetString())
        );
    }

    [Fact]
    public async Task Frame_FailedInSandbox_OrderFails()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var iframeUrl = await FrameFlow.CreatedIframeUrlAsync(system, "hp-e2e-failed");

        await FrameFlow.PayAsync(iframeUrl, "10.00", "failed");

        var order = await system.WaitForStatusAsync("hp-e2e-failed", "Failed");
        Assert.Equal("failed", order.GetProperty("providerStatus").GetString());
    }

    [Fact]
    public async Task Frame_SameRequestAgain_Returns200WithSameFrameAndNoSecondGetFrame()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var first = await FrameFlow.CreatedIframeUrlAsync(system, "hp-repeat");

        var again = await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = "hp-repeat",
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            first,
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("iframeUrl").GetString()
        );
        var stored = await system
            .Server.Services.GetRequiredService<IOrderRepository>()
            .FindAsync("hp-repeat", default);
        Assert.Equal(1, stored!.Value.ProviderCalls);
    }

    [Fact]
    public async Task Frame_SameIdOtherContent_Returns409()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-conflict");

        var other = await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = "hp-conflict",
                username = "someone-else",
                customerIp = "203.0.113.7",
            }
        );

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Frame_NoOrderIdWithIdempotencyKey_TheIdIsDerivedFromTheKey()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateMerchantClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/huaweipin/frames")
        {
            Content = JsonContent.Create(new { username = "customer-1", customerIp = "2001:db8::1" }),
        };
        request.Headers.Add("Idempotency-Key", "frame-derived");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();
        var expected =
            "hwp_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("frame-derived"u8))[..40];
        Assert.Equal(expected, id);
        Assert.Equal($"/api/orders/{id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Frame_ProviderTimesOut_OrderUnknownNeverCreated_ThenRetrySucceeds()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "timeout" });
        var body = new
        {
            orderId = "hp-timeout",
            username = "customer-1",
            customerIp = "203.0.113.7",
        };

        var first = await FrameFlow.CreateFrameAsync(system, body);

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        var problem = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unknown", problem.GetProperty("orderStatus").GetString());
        await system.WaitForStatusAsync("hp-timeout", "Unknown");

        await system.SetHuaweiPinFaultsAsync(new { getFrame = "none" });
        var retried = await FrameFlow.CreateFrameAsync(system, body);

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        await system.WaitForStatusAsync("hp-timeout", "Pending");
    }

    [Fact]
    public async Task Frame_MerchantHangsUpWhileHuaweiPinIsSlow_FrameRecordedAndRepeatReturnsTheIframeUrl()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "slow" });
        var body = new
        {
            orderId = "hp-hangup",
            username = "customer-1",
            customerIp = "203.0.113.7",
        };
        await system.HangUpOnceRecordedAsync("/api/huaweipin/frames", body, "hp-hangup");

        await system.WaitForStatusAsync("hp-hangup", "Pending");
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "none" });
        var repeat = await FrameFlow.CreateFrameAsync(system, body);

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var token = (await system.SandboxFrameAsync("hp-hangup")).GetProperty("token").GetString()!;
        Assert.Contains(
            token,
            (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("iframeUrl").GetString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Frame_AnswerLostAndRetryFindsTheOrderIdUsed_NeedsReviewPayUrlUnknown()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "lost" });
        var body = new
        {
            orderId = "hp-lost",
            username = "customer-1",
            customerIp = "203.0.113.7",
        };
        Assert.Equal(HttpStatusCode.BadGateway, (await FrameFlow.CreateFrameAsync(system, body)).StatusCode);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "none" });

        var repeat = await FrameFlow.CreateFrameAsync(system, body);

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var order = await system.WaitForStatusAsync("hp-lost", "NeedsReview");
        Assert.Equal(
            ("pay-url-unknown", JsonValueKind.Null),
            (order.GetProperty("reviewReason").GetString(), order.GetProperty("redirectUrl").ValueKind)
        );
    }

    [Fact]
    public async Task Frame_Provider5xx_OrderUnknown()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = "error" });

        var response = await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = "hp-500",
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        await system.WaitForStatusAsync("hp-500", "Unknown");
    }

    [Theory]
    [InlineData("throttled")]
    [InlineData("code500")]
    public async Task Frame_CodeGetFrameDoesNotPublish_OrderUnknownNotRejected(string fault)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHuaweiPinFaultsAsync(new { getFrame = fault });

        var response = await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = $"hp-{fault}",
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        await system.WaitForStatusAsync($"hp-{fault}", "Unknown");
    }

    [Fact]
    public async Task Frame_WrongCredentials_Unknown306RetryableAndLoggedForOperator()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Secrets:HuaweiPin-SecretKey"] = "wrong" }
        );

        var response = await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = "hp-306",
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var order = await system.WaitForStatusAsync("hp-306", "Unknown");
        Assert.StartsWith("306", order.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains(system.Server.Logs.Lines(), l =>
            l.StartsWith("Critical", StringComparison.Ordinal)
            && l.Contains("HuaweiPin-SecretKey", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Frame_OrderIdAlreadyUsedAtProvider_Returns409AndOrderRejected()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-304");
        await using var other = await system.StartSecondServerAsync();
        using var client = other.CreateMerchantClient();

        var response = await client.PostAsJsonAsync(
            "/api/huaweipin/frames",
            new
            {
                orderId = "hp-304",
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rejected", problem.GetProperty("orderStatus").GetString());
        Assert.StartsWith("304", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_SuccessAfterExpiry_RecordedAndFlagged()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Settings(clock), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        var iframeUrl = await FrameFlow.CreatedIframeUrlAsync(system, "hp-late");
        clock.Advance(TimeSpan.FromHours(73));

        var expired = await system.Server.Services.GetRequiredService<ExpireFramesJob>().RunOnceAsync(default);
        await system.WaitForStatusAsync("hp-late", "Expired");
        await FrameFlow.PayAsync(iframeUrl, "40.00", "success");

        var order = await system.WaitForStatusAsync("hp-late", "Succeeded");
        Assert.Equal(1, expired);
        Assert.Equal("succeeded-after-expiry", order.GetProperty("reviewReason").GetString());
    }

    [Fact]
    public async Task Expiry_FrameYoungerThanLifetime_StaysPending()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await PaymentsSystem.StartAsync(azurite, HandDrivenJobs.Settings(clock), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-young");
        clock.Advance(TimeSpan.FromHours(71));

        Assert.Equal(0, await system.Server.Services.GetRequiredService<ExpireFramesJob>().RunOnceAsync(default));
        await system.WaitForStatusAsync("hp-young", "Pending");
    }

    [Fact]
    public async Task Sandbox_DuplicateAndConcurrentCallbacks_OneStateChangeAllAnsweredOk()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHuaweiPinFaultsAsync(new { duplicateCallbacks = 3, concurrentCallbacks = 5 });
        var iframeUrl = await FrameFlow.CreatedIframeUrlAsync(system, "hp-dups");

        await FrameFlow.PayAsync(iframeUrl, "12.00", "success");
        await system.WaitForStatusAsync("hp-dups", "Succeeded");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement deliveries;
        do
        {
            deliveries = (await system.SandboxFrameAsync("hp-dups")).GetProperty("deliveries");
            await Task.Delay(50);
        } while (deliveries.GetArrayLength() < 8 && DateTime.UtcNow < deadline);

        Assert.Equal(8, deliveries.GetArrayLength());
        Assert.All(deliveries.EnumerateArray(), d => Assert.Equal("OK", d.GetProperty("body").GetString()));
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hp-dups", default, default)
            .ToListAsync();
        Assert.Single(audit, a => a.Kind == AuditKinds.CallbackApplied);
    }

    [Fact]
    public async Task Sandbox_ForgedCallback_401AndOrderStaysPending()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHuaweiPinFaultsAsync(new { wrongHash = true });
        var iframeUrl = await FrameFlow.CreatedIframeUrlAsync(system, "hp-forged");

        await FrameFlow.PayAsync(iframeUrl, "12.00", "success");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (
            (await system.SandboxFrameAsync("hp-forged")).GetProperty("deliveries").GetArrayLength() == 0
            && DateTime.UtcNow < deadline
        )
        {
            await Task.Delay(50);
        }

        var delivery = (await system.SandboxFrameAsync("hp-forged")).GetProperty("deliveries")[0];
        Assert.Equal(401, delivery.GetProperty("status").GetInt32());
        await system.WaitForStatusAsync("hp-forged", "Pending");
    }
}
