using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

public sealed class SubscriptionEndToEndTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Subscription_ChargedThreeTimesWithEveryNotificationTwice_EachChargeRecordedOnceAndCancelStopsCharges()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { duplicateNotifications = 1, failingCharges = 1 });
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-e2e");

        Assert.Contains(
            "Subscription approved",
            await CollectionFlow.CompleteAsync(payUrl, "success"),
            StringComparison.Ordinal
        );
        var active = await SubscriptionFlow.WaitAsync(system, "sub-e2e", s =>
            SubscriptionFlow.Charges(s, "Succeeded").Count >= 3
        );
        var canceled = await SubscriptionFlow.CancelAsync(system, "sub-e2e");

        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        Assert.Equal(("Canceled", "4"), ReadStatus(await canceled.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal("Active", active.GetProperty("status").GetString());
        var atHaiPay = (await system.SandboxSubscriptionAsync("sub-e2e"))!.Value;
        var made = atHaiPay.GetProperty("charges").EnumerateArray().ToList();
        Assert.True(made.Count >= 4, $"the sandbox made {made.Count} charge attempts");
        Assert.All(made, c =>
            Assert.True(c.GetProperty("deliveries").GetInt32() >= 2 || c.GetProperty("status").GetInt32() == 3)
        );
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = await SubscriptionFlow.WaitAsync(system, "sub-e2e", s =>
            SubscriptionFlow.Charges(s).Count >= made.Count
        );
        var recorded = SubscriptionFlow.Charges(after);
        Assert.Equal(
            made.Count,
            (await system.SandboxSubscriptionAsync("sub-e2e"))!.Value.GetProperty("charges").GetArrayLength()
        );
        Assert.Equal(
            made.Select(c => c.GetProperty("orderNo").GetString()).Order(StringComparer.Ordinal),
            recorded.Select(c => c.GetProperty("orderNo").GetString()).Order(StringComparer.Ordinal)
        );
        Assert.Equal(3, made[0].GetProperty("status").GetInt32());

        // The sandbox lists its charges in the order it made them; the subscription lists them as they were recorded,
        // which follows the order their notifications arrived in. Each recorded charge is matched to HaiPay's by
        // orderNo.
        var madeStatus = made.ToDictionary(
            c => c.GetProperty("orderNo").GetString()!,
            c =>
                c.GetProperty("status").GetInt32() switch
                {
                    2 => "Succeeded",
                    3 => "Failed",
                    var other => $"HaiPay status {other}",
                }
        );
        Assert.All(recorded, c =>
            Assert.Equal(madeStatus[c.GetProperty("orderNo").GetString()!], c.GetProperty("status").GetString())
        );
        Assert.True(SubscriptionFlow.Charges(after, "Succeeded").Count >= 3);
        Assert.All(SubscriptionFlow.Charges(after, "Succeeded"), c =>
            Assert.Equal("9.99", c.GetProperty("amount").GetString())
        );
        Assert.Equal("Canceled", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Subscription_DeclinedOn3DSecure_Failed()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-declined");

        await CollectionFlow.CompleteAsync(payUrl, "failed");

        var failed = await SubscriptionFlow.WaitAsync(system, "sub-declined", s =>
            s.GetProperty("status").GetString() != "Pending"
        );
        Assert.Equal(("Failed", "3"), ReadStatus(failed));
        Assert.Equal(HttpStatusCode.Conflict, (await SubscriptionFlow.CancelAsync(system, "sub-declined")).StatusCode);
    }

    [Fact]
    public async Task Get_RefreshWithNotificationsOff_ActiveFromSubscriptionQuery()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-refresh");
        await CollectionFlow.CompleteAsync(payUrl, "success");

        var stale = await SubscriptionFlow.GetAsync(system, "sub-refresh");
        var refreshed = await SubscriptionFlow.GetAsync(system, "sub-refresh", refresh: true);

        Assert.Equal("Pending", stale.GetProperty("status").GetString());
        Assert.Equal(("Active", "2"), ReadStatus(refreshed));
        Assert.Equal(
            ("D", 1, 3),
            (
                refreshed.GetProperty("recurringInterval").GetString(),
                refreshed.GetProperty("recurringIntervalCount").GetInt32(),
                refreshed.GetProperty("retryTimes").GetInt32()
            )
        );
    }

    [Fact]
    public async Task Subscription_NotificationsOff_PollerMakesItActive()
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
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-poll");

        await CollectionFlow.CompleteAsync(payUrl, "success");

        await SubscriptionFlow.WaitAsync(system, "sub-poll", s => s.GetProperty("status").GetString() == "Active");
    }

    [Fact]
    public async Task Cancel_Twice_BothAnswerCanceled()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-cancel-twice");
        await CollectionFlow.CompleteAsync(payUrl, "success");
        await SubscriptionFlow.WaitAsync(system, "sub-cancel-twice", s =>
            s.GetProperty("status").GetString() == "Active"
        );

        var first = await SubscriptionFlow.CancelAsync(system, "sub-cancel-twice");
        await system.SetHaiPayFaultsAsync(new { query = "error" });
        var second = await SubscriptionFlow.CancelAsync(system, "sub-cancel-twice");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(("Canceled", "4"), ReadStatus(await second.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Cancel_UnknownSubscription_404()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await SubscriptionFlow.CancelAsync(system, "sub-missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_ApplyTimesOut_UnknownThenARepeatResolvesItByQueryWithoutASecondApplyAndFlagsTheLostPayUrl()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { apply = "timeout", slowReply = "00:00:04" });

        var first = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("sub-timeout"));
        await system.SetHaiPayFaultsAsync(new { });
        var repeat = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("sub-timeout"));

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var body = await repeat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("NeedsReview", "pay-url-unknown", JsonValueKind.Null),
            (
                body.GetProperty("status").GetString(),
                body.GetProperty("reviewReason").GetString(),
                body.GetProperty("payUrl").ValueKind
            )
        );
        Assert.Equal(
            (await system.SandboxSubscriptionAsync("sub-timeout"))!.Value.GetProperty("subscriptionNo").GetString(),
            body.GetProperty("subscriptionNo").GetString()
        );
        var stored = await system
            .Server.Services.GetRequiredService<IOrderRepository>()
            .FindAsync("sub-timeout", default);
        Assert.Equal((1, OrderKind.Subscription), (stored!.Value.ProviderCalls, stored.Value.Kind));
    }

    [Fact]
    public async Task Create_SameRequestTwice_OneSubscriptionAtHaiPaySameAnswer()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var first = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("sub-repeat"));
        var second = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("sub-repeat"));
        var changed = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("sub-repeat", interval: "W"));

        Assert.Equal(
            (HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict),
            (first.StatusCode, second.StatusCode, changed.StatusCode)
        );
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriptionNo").GetString(),
            (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriptionNo").GetString()
        );
    }

    private static (string?, string?) ReadStatus(JsonElement subscription) =>
        (subscription.GetProperty("status").GetString(), subscription.GetProperty("providerStatus").GetString());
}
