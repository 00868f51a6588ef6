using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

public sealed class HaiPayEndToEndTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Collection_ApprovedOn3DSecurePage_NotificationMakesItSucceeded()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "hpy-e2e-ok");

        Assert.Contains(
            "Payment approved",
            await CollectionFlow.CompleteAsync(payUrl, "success"),
            StringComparison.Ordinal
        );

        var order = await system.WaitForStatusAsync("hpy-e2e-ok", "Succeeded");
        Assert.Equal("12.50", order.GetProperty("amount").GetString());
        Assert.Equal("12.50", order.GetProperty("receivedAmount").GetString());
        Assert.Equal("2", order.GetProperty("providerStatus").GetString());
        var delivery = await PaymentsSystem.FirstDeliveryAsync(async () =>
            (await system.SandboxPaymentAsync("hpy-e2e-ok"))!.Value
        );
        Assert.Equal(
            (200, "SUCCESS"),
            (delivery.GetProperty("status").GetInt32(), delivery.GetProperty("body").GetString())
        );
    }

    [Fact]
    public async Task Collection_DeclinedOn3DSecurePage_OrderFails()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "hpy-e2e-declined");

        await CollectionFlow.CompleteAsync(payUrl, "failed");

        var order = await system.WaitForStatusAsync("hpy-e2e-declined", "Failed");
        Assert.Equal("3", order.GetProperty("providerStatus").GetString());
    }

    [Fact]
    public async Task Collection_NotificationsOff_PollerAloneBringsItToItsFinalState()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["HaiPayPollSchedule"] = "*/1 * * * * *",
                ["HaiPay:Checks:First"] = "00:00:01",
                ["HaiPay:Checks:Quick"] = "00:00:01",
            }
        );
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "hpy-e2e-poll");

        await CollectionFlow.CompleteAsync(payUrl, "success");

        await system.WaitForStatusAsync("hpy-e2e-poll", "Succeeded");
        var atHaiPay = (await system.SandboxPaymentAsync("hpy-e2e-poll"))!.Value;
        Assert.Empty(atHaiPay.GetProperty("deliveries").EnumerateArray());
        Assert.True(atHaiPay.GetProperty("queries").GetInt32() >= 1);
    }

    [Fact]
    public async Task Collection_ApplyTimesOut_UnknownThenTheTrueStateFromAQuery()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { apply = "timeout", slowReply = "00:00:05" });

        var first = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-timeout"));

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(
            "Unknown",
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderStatus").GetString()
        );
        await system.SetHaiPayFaultsAsync(new { });
        var sandboxOrder = (await system.SandboxPaymentAsync("hpy-timeout"))!.Value;
        await CollectionFlow.CompleteAsync(
            $"{system.Sandbox.BaseAddress}haipay/pay/{sandboxOrder.GetProperty("orderNo").GetString()}",
            "success"
        );
        var synced = await CollectionFlow.SyncAsync(system, "hpy-timeout");
        Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
        Assert.Equal(
            "Succeeded",
            (await synced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()
        );
        var stored = await system
            .Server.Services.GetRequiredService<IOrderRepository>()
            .FindAsync("hpy-timeout", default);
        Assert.Equal(
            (1, sandboxOrder.GetProperty("orderNo").GetString()),
            (stored!.Value.ProviderCalls, stored.Value.ProviderReference)
        );
    }

    [Fact]
    public async Task Collection_ApplyAnswerLostAndQueryFindsItInPayment_NeedsReviewPayUrlUnknownNoSecondApply()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { apply = "error" });
        Assert.Equal(
            HttpStatusCode.BadGateway,
            (await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-500"))).StatusCode
        );
        await system.SetHaiPayFaultsAsync(new { });

        var again = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-500"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var collection = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("NeedsReview", "pay-url-unknown", JsonValueKind.Null),
            (
                collection.GetProperty("status").GetString(),
                collection.GetProperty("reviewReason").GetString(),
                collection.GetProperty("payUrl").ValueKind
            )
        );
        var stored = await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync("hpy-500", default);
        Assert.Equal(1, stored!.Value.ProviderCalls);
    }

    [Fact]
    public async Task Collection_LostApplyConfirmedAbsentByQuery_RepeatAppliesAgain()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { apply = "lost" });
        Assert.Equal(
            HttpStatusCode.BadGateway,
            (await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-lost"))).StatusCode
        );
        Assert.Null(await system.SandboxPaymentAsync("hpy-lost"));
        await system.SetHaiPayFaultsAsync(new { });

        var again = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-lost"));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotNull(await system.SandboxPaymentAsync("hpy-lost"));
        var stored = await system.Server.Services.GetRequiredService<IOrderRepository>().FindAsync("hpy-lost", default);
        Assert.Equal((OrderStatus.Pending, 2), (stored!.Value.Status, stored.Value.ProviderCalls));
    }

    [Fact]
    public async Task Collection_ErrorEnvelopeOnApply_502WithTheProviderCode_OrderUnknownAndChecked()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { apply = "refuse" });

        var response = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-refused"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("Unknown", "4002"),
            (problem.GetProperty("orderStatus").GetString(), problem.GetProperty("providerCode").GetString())
        );
        var stored = await system
            .Server.Services.GetRequiredService<IOrderRepository>()
            .FindAsync("hpy-refused", default);
        Assert.NotNull(stored!.Value.NextCheckAt);
    }

    [Fact]
    public async Task Collection_CallBackUrlWithAQueryString_SignedAcceptedAndCreated()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var request = CollectionFlow.Request("hpy-query-callback");
        request["callBackUrl"] = "https://shop.example.com/paid?order=hpy-query-callback&lang=en";

        var response = await CollectionFlow.CreateAsync(system, request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Collection_ReplyWithBadSignature_IsUnknownNeverCreated()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { badResponseSignature = true });

        var response = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-forged-reply"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var stored = await system
            .Server.Services.GetRequiredService<IOrderRepository>()
            .FindAsync("hpy-forged-reply", default);
        Assert.Equal((OrderStatus.Unknown, null), (stored!.Value.Status, stored.Value.RedirectUrl));
    }

    [Fact]
    public async Task Collection_SameRequestAgain_SameResultNoSecondApply_OtherContentConflicts()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "hpy-repeat");

        var again = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-repeat"));
        var other = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-repeat", amount: "13.00"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(payUrl, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payUrl").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var stored = await system
            .Server.Services.GetRequiredService<IOrderRepository>()
            .FindAsync("hpy-repeat", default);
        Assert.Equal((1, 12.50m), (stored!.Value.ProviderCalls, stored.Value.Amount));
    }

    [Fact]
    public async Task Collection_GetById_ShowsStatusPayUrlAndLast4Only()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "hpy-get");
        using var client = system.Server.CreateMerchantClient();

        var collection = await client.GetFromJsonAsync<JsonElement>("/api/haipay/collections/hpy-get");
        var missing = await client.GetAsync("/api/haipay/collections/nope");

        Assert.Equal(
            ("Pending", payUrl, "5556"),
            (
                collection.GetProperty("status").GetString(),
                collection.GetProperty("payUrl").GetString(),
                collection.GetProperty("cardLast4").GetString()
            )
        );
        Assert.DoesNotContain(CollectionFlow.CardNumber, collection.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("partial", "4", "partial-collection", "6.25")]
    [InlineData("over", "5", "over-collection", "13.50")]
    public async Task Collection_PartialOrOverCollection_FlaggedForReviewWithTheAmountNeverSucceeded(
        string outcome,
        string status,
        string reason,
        string received
    )
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var id = $"hpy-{outcome}";
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, id);

        await CollectionFlow.CompleteAsync(payUrl, outcome);

        var order = await system.WaitForStatusAsync(id, "NeedsReview");
        Assert.Equal(
            (status, reason),
            (order.GetProperty("providerStatus").GetString(), order.GetProperty("reviewReason").GetString())
        );
        Assert.Equal(received, order.GetProperty("receivedAmount").GetString());
        Assert.Equal("12.50", order.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Notification_Duplicates_AppliedOnceAllAnsweredSuccess()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { duplicateNotifications = 3 });
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "hpy-dupes");

        await CollectionFlow.CompleteAsync(payUrl, "success");
        await system.WaitForStatusAsync("hpy-dupes", "Succeeded");

        var deliveries = await WaitForDeliveriesAsync(system, "hpy-dupes", 4);
        Assert.All(deliveries, d => Assert.Equal("SUCCESS", d.GetProperty("body").GetString()));
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hpy-dupes", DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied], audit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Notification_BadSignature_401RecordedNotAppliedThenTheQuerySettlesIt()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { badNotificationSignature = true });
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "hpy-forged");

        await CollectionFlow.CompleteAsync(payUrl, "success");

        var order = await system.WaitForStatusAsync("hpy-forged", "Succeeded");
        var deliveries = await WaitForDeliveriesAsync(system, "hpy-forged", 1);
        Assert.Equal(401, deliveries[0].GetProperty("status").GetInt32());
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hpy-forged", DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Contains(audit, a => a.Kind == AuditKinds.CallbackUnverified);
        Assert.DoesNotContain(audit, a => a.Kind == AuditKinds.CallbackApplied);
        Assert.True((await system.SandboxPaymentAsync("hpy-forged"))!.Value.GetProperty("queries").GetInt32() >= 1);
        Assert.Equal("2", order.GetProperty("providerStatus").GetString());
    }

    private static async Task<List<JsonElement>> WaitForDeliveriesAsync(
        PaymentsSystem system,
        string orderId,
        int count
    )
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var deliveries = (await system.SandboxPaymentAsync(orderId))!
                .Value.GetProperty("deliveries")
                .EnumerateArray()
                .ToList();
            if (deliveries.Count >= count || DateTime.UtcNow > deadline)
            {
                return deliveries;
            }

            await Task.Delay(50);
        }
    }
}
