using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

public sealed class HaiPayRefundTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Refund_SucceededCollection_PendingThenSucceededOnCheck()
    {
        await using var system = await PaidSystemAsync("hpy-refund");

        var response = await CollectionFlow.RefundAsync(system, "hpy-refund", new { refundId = "hpy-refund-r1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var refund = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("hpy-refund-r1", "hpy-refund", "Pending", "12.50"),
            (
                refund.GetProperty("refundId").GetString(),
                refund.GetProperty("collectionId").GetString(),
                refund.GetProperty("status").GetString(),
                refund.GetProperty("amount").GetString()
            )
        );
        Assert.Equal(HttpStatusCode.OK, (await CollectionFlow.SyncAsync(system, "hpy-refund-r1")).StatusCode);
        using var client = system.Server.CreateMerchantClient();
        var collection = await client.GetFromJsonAsync<JsonElement>("/api/haipay/collections/hpy-refund");
        Assert.Equal(
            ("Succeeded", "Succeeded"),
            (
                collection.GetProperty("status").GetString(),
                collection.GetProperty("refund").GetProperty("status").GetString()
            )
        );
    }

    [Fact]
    public async Task Refund_SameIdAgainRepeats_AnotherIdConflictsAndIsRejectedWithoutAProviderCall()
    {
        await using var system = await PaidSystemAsync("hpy-refund-twice");
        Assert.Equal(HttpStatusCode.Created, (await CollectionFlow.RefundAsync(system, "hpy-refund-twice")).StatusCode);

        var again = await CollectionFlow.RefundAsync(system, "hpy-refund-twice");
        var other = await CollectionFlow.RefundAsync(system, "hpy-refund-twice", new { refundId = "another-refund" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        using var client = system.Server.CreateMerchantClient();
        var loser = await client.GetFromJsonAsync<JsonElement>("/api/orders/another-refund");
        Assert.Equal("Rejected", loser.GetProperty("status").GetString());
        Assert.Contains("already refunded", loser.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, loser.GetProperty("providerReference").ValueKind);
    }

    [Fact]
    public async Task Refund_ConcurrentRequestsWithDifferentIds_OnlyOneRefundExists()
    {
        await using var system = await PaidSystemAsync("hpy-refund-race");

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 8)
                .Select(i => CollectionFlow.RefundAsync(system, "hpy-refund-race", new { refundId = $"race-{i}" }))
        );

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode)
        );
    }

    [Fact]
    public async Task Refund_FailedAtHaiPay_RefundFailsAndAnotherMayFollow()
    {
        await using var system = await PaidSystemAsync("hpy-refund-failed");
        await system.SetHaiPayFaultsAsync(new { refundOutcome = "failed" });
        await CollectionFlow.RefundAsync(system, "hpy-refund-failed", new { refundId = "rf-failed-1" });

        var synced = await (
            await CollectionFlow.SyncAsync(system, "rf-failed-1")
        ).Content.ReadFromJsonAsync<JsonElement>();
        await system.SetHaiPayFaultsAsync(new { });
        var second = await CollectionFlow.RefundAsync(system, "hpy-refund-failed", new { refundId = "rf-failed-2" });

        Assert.Equal("Failed", synced.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
    }

    [Fact]
    public async Task Refund_RefusedByAnUnsignedErrorReply_StaysUnknownIsNotReplacedAndASignedSuccessSettlesIt()
    {
        await using var system = await PaidSystemAsync("hpy-refund-unsigned");
        await system.SetHaiPayFaultsAsync(new { apply = "refuse" });
        var refused = await CollectionFlow.RefundAsync(
            system,
            "hpy-refund-unsigned",
            new { refundId = "rf-unsigned-1" }
        );
        await system.SetHaiPayFaultsAsync(new { });

        var replacement = await CollectionFlow.RefundAsync(
            system,
            "hpy-refund-unsigned",
            new { refundId = "rf-unsigned-2" }
        );
        var notice = Chaos.ProviderMessages.Genuine(
            "rf-unsigned-1",
            Payments.Core.Orders.OrderStatus.Succeeded,
            12.50m,
            Payments.Core.Orders.PaymentProvider.HaiPay
        );
        using var anonymous = system.Server.CreateAnonymousClient();
        using var content = new StringContent(notice.Body, System.Text.Encoding.UTF8, "application/json");
        var acknowledged = await anonymous.PostAsync(new Uri(notice.Path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replacement.StatusCode);
        Assert.Equal("SUCCESS", await acknowledged.Content.ReadAsStringAsync());
        using var client = system.Server.CreateMerchantClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/orders/rf-unsigned-1");
        var collection = await client.GetFromJsonAsync<JsonElement>("/api/haipay/collections/hpy-refund-unsigned");
        Assert.Equal("Succeeded", first.GetProperty("status").GetString());
        Assert.Equal(
            ("rf-unsigned-1", "Succeeded"),
            (
                collection.GetProperty("refund").GetProperty("refundId").GetString(),
                collection.GetProperty("refund").GetProperty("status").GetString()
            )
        );
    }

    [Fact]
    public async Task Refund_CollectionNotSucceeded_409_UnknownCollection_404_BadRefundId_400()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, "hpy-refund-pending");

        var pending = await CollectionFlow.RefundAsync(system, "hpy-refund-pending");
        var unknown = await CollectionFlow.RefundAsync(system, "no-such-collection");
        var badId = await CollectionFlow.RefundAsync(system, "hpy-refund-pending", new { refundId = "bad/id" });

        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.True(
            (await badId.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("errors")
                .TryGetProperty("refundId", out _)
        );
    }

    /// <summary>
    /// HaiPay keeps an account (appId, keys) per currency: a EUR collection's refund is applied and queried on the EUR
    /// account, whose keys sign the calls (the sandbox verifies them with the EUR account's) and its replies.
    /// </summary>
    [Fact]
    public async Task Refund_EurCollection_AppliedAndQueriedOnTheEurAccount()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, PaymentsSystem.EurAccount());
        var request = CollectionFlow.Request("hpy-refund-eur");
        request["currency"] = "EUR";
        var created = await CollectionFlow.CreateAsync(system, request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var payUrl = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payUrl").GetString()!;
        await CollectionFlow.CompleteAsync(payUrl, "success");
        await system.WaitForStatusAsync("hpy-refund-eur", "Succeeded");

        var response = await CollectionFlow.RefundAsync(
            system,
            "hpy-refund-eur",
            new { refundId = "hpy-refund-eur-r1" }
        );
        var synced = await CollectionFlow.SyncAsync(system, "hpy-refund-eur-r1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
        var refund = await synced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Succeeded", refund.GetProperty("status").GetString());
        var atHaiPay = (await system.SandboxRefundAsync("hpy-refund-eur-r1"))!.Value;
        Assert.Equal("EUR", atHaiPay.GetProperty("currency").GetString());
        Assert.Equal(
            ["EUR refund/apply", "EUR refund/refundQuery"],
            atHaiPay.GetProperty("calls").EnumerateArray().Select(c => c.GetString())
        );
    }

    private async Task<PaymentsSystem> PaidSystemAsync(string orderId)
    {
        var system = await PaymentsSystem.StartAsync(azurite);
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, orderId);
        await CollectionFlow.CompleteAsync(payUrl, "success");
        await system.WaitForStatusAsync(orderId, "Succeeded");
        return system;
    }
}
