using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// What HaiPay said, or did not say, about an order once it is written: recorded whatever the merchant does, never read
/// as more than it proves (issue #16, scenarios 3 and 7).
/// </summary>
public sealed class ProviderOutcomeTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Collection_MerchantHangsUpWhileHaiPayIsSlow_AnswerRecordedAndRepeatReturnsThePayUrl()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["HaiPay:Timeout"] = "00:00:10", ["HaiPay:ClaimLease"] = "00:00:30" }
        );
        await system.SetHaiPayFaultsAsync(new { apply = "timeout", slowReply = "00:00:03" });
        await system.HangUpOnceRecordedAsync(
            "/api/haipay/collections",
            CollectionFlow.Request("hpy-hangup"),
            "hpy-hangup"
        );

        await system.WaitForStatusAsync("hpy-hangup", "Pending");
        await system.SetHaiPayFaultsAsync(new { });
        var repeat = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-hangup"));

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var collection = await repeat.Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = (await system.SandboxPaymentAsync("hpy-hangup"))!.Value.GetProperty("orderNo").GetString();
        Assert.Equal(
            ("Pending", $"{system.Sandbox.BaseAddress}haipay/pay/{orderNo}"),
            (collection.GetProperty("status").GetString(), collection.GetProperty("payUrl").GetString())
        );
    }

    [Fact]
    public async Task Poller_HaiPayHasNoRecordPastGrace_NeedsReviewAndALateSignedSuccessStillSucceeds()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, FastPolling());
        await system.SetHaiPayFaultsAsync(
            new
            {
                apply = "timeout",
                slowReply = "00:00:05",
                query = "notfound",
            }
        );
        Assert.Equal(
            HttpStatusCode.BadGateway,
            (await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-absent"))).StatusCode
        );

        var flagged = await system.WaitForStatusAsync("hpy-absent", "NeedsReview");
        await system.SetHaiPayFaultsAsync(new { });
        var orderNo = (await system.SandboxPaymentAsync("hpy-absent"))!.Value.GetProperty("orderNo").GetString();
        await CollectionFlow.CompleteAsync($"{system.Sandbox.BaseAddress}haipay/pay/{orderNo}", "success");

        Assert.Equal("provider-has-no-record", flagged.GetProperty("reviewReason").GetString());
        await system.WaitForStatusAsync("hpy-absent", "Succeeded");
    }

    [Fact]
    public async Task Refund_ApplyTimesOutAndRefundQueryFindsNoRecord_NoSecondRefundOfTheCollection()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite, FastPolling());
        var payUrl = await CollectionFlow.CreatedPayUrlAsync(system, "hpy-rf-absent");
        await CollectionFlow.CompleteAsync(payUrl, "success");
        await system.WaitForStatusAsync("hpy-rf-absent", "Succeeded");
        await system.SetHaiPayFaultsAsync(
            new
            {
                apply = "timeout",
                slowReply = "00:00:05",
                query = "notfound",
            }
        );

        var first = await CollectionFlow.RefundAsync(system, "hpy-rf-absent", new { refundId = "hpy-rf-absent-r1" });
        var flagged = await system.WaitForStatusAsync("hpy-rf-absent-r1", "NeedsReview");
        await system.SetHaiPayFaultsAsync(new { query = "notfound" });
        var second = await CollectionFlow.RefundAsync(system, "hpy-rf-absent", new { refundId = "hpy-rf-absent-r2" });

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal("provider-has-no-record", flagged.GetProperty("reviewReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.True(await system.SandboxHasRefundAsync("hpy-rf-absent-r1"));
        Assert.False(await system.SandboxHasRefundAsync("hpy-rf-absent-r2"));
    }

    private static Dictionary<string, string?> FastPolling() =>
        new()
        {
            ["HaiPayPollSchedule"] = "*/1 * * * * *",
            ["HaiPay:AbsentGrace"] = "00:00:01",
            ["HaiPay:Checks:First"] = "00:00:01",
            ["HaiPay:Checks:Quick"] = "00:00:01",
        };
}
