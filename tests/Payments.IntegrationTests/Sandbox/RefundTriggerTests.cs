using System.Net;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Sandbox;

/// <summary>
/// How a HaiPay refund ends, decided through the sandbox: settled while it is processing
/// (<c>/haipay/_sandbox/refunds/{id}/complete</c>) or arranged on the collection before the refund is asked for
/// (<c>/haipay/_sandbox/orders/{id}/next-refund</c>).
/// </summary>
public sealed class RefundTriggerTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task ProcessingRefundFailed_ServiceRecordsTheRefundFailedAtItsNextCheck_SettledAgain409()
    {
        await using var system = await PaidSystemAsync("trg-rf-processing");
        var refund = await CollectionFlow.RefundAsync(system, "trg-rf-processing", new { refundId = "trg-rf-p1" });
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);

        var failed = await SandboxControl.PostAsync(
            system,
            "/haipay/_sandbox/refunds/trg-rf-p1/complete",
            """{"outcome":"failed","reason":"account closed"}"""
        );
        var again = await SandboxControl.PostAsync(
            system,
            "/haipay/_sandbox/refunds/trg-rf-p1/complete",
            """{"outcome":"success"}"""
        );
        var unknown = await SandboxControl.PostAsync(
            system,
            "/haipay/_sandbox/refunds/nobody/complete",
            """{"outcome":"success"}"""
        );

        Assert.Equal((200, 409, 404), (failed.Status, again.Status, unknown.Status));
        Assert.Equal(HttpStatusCode.OK, (await CollectionFlow.SyncAsync(system, "trg-rf-p1")).StatusCode);
        var order = await SandboxControl.OrderAsync(system, "trg-rf-p1");
        Assert.Equal("Failed", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task NextRefundArrangedToFail_RefundFailsThenAnotherSucceeds()
    {
        await using var system = await PaidSystemAsync("trg-rf-next");
        var arranged = await SandboxControl.PostAsync(
            system,
            "/haipay/_sandbox/orders/trg-rf-next/next-refund",
            """{"outcome":"failed"}"""
        );
        await CollectionFlow.RefundAsync(system, "trg-rf-next", new { refundId = "trg-rf-n1" });
        await CollectionFlow.SyncAsync(system, "trg-rf-n1");
        var replacement = await CollectionFlow.RefundAsync(system, "trg-rf-next", new { refundId = "trg-rf-n2" });
        await CollectionFlow.SyncAsync(system, "trg-rf-n2");

        Assert.Equal(200, arranged.Status);
        Assert.Equal(
            "Failed",
            (await SandboxControl.OrderAsync(system, "trg-rf-n1")).GetProperty("status").GetString()
        );
        Assert.Equal(HttpStatusCode.Created, replacement.StatusCode);
        Assert.Equal(
            "Succeeded",
            (await SandboxControl.OrderAsync(system, "trg-rf-n2")).GetProperty("status").GetString()
        );
    }

    [Fact]
    public async Task NextRefundArrangedToBeRefused_HaiPayCreatesNothingAndTheServiceAnswers502()
    {
        await using var system = await PaidSystemAsync("trg-rf-refused");
        var missing = await SandboxControl.PostAsync(
            system,
            "/haipay/_sandbox/orders/trg-rf-refused/next-refund",
            "{}"
        );
        var arranged = await SandboxControl.PostAsync(
            system,
            "/haipay/_sandbox/orders/trg-rf-refused/next-refund",
            """{"outcome":"refused","reason":"refund window closed"}"""
        );

        var refused = await CollectionFlow.RefundAsync(system, "trg-rf-refused", new { refundId = "trg-rf-r1" });

        Assert.Equal((400, "outcome"), (missing.Status, SandboxControl.BadFields(missing.Body)));
        Assert.Equal(200, arranged.Status);
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.False(await system.SandboxHasRefundAsync("trg-rf-r1"));
        var order = await SandboxControl.OrderAsync(system, "trg-rf-r1");
        Assert.Equal("Unknown", order.GetProperty("status").GetString());
        Assert.Contains("4006", order.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    private async Task<PaymentsSystem> PaidSystemAsync(string orderId)
    {
        var system = await PaymentsSystem.StartAsync(azurite);
        await CollectionFlow.CreatedPayUrlAsync(system, orderId);
        var paid = await SandboxControl.PostAsync(system, $"/haipay/_sandbox/orders/{orderId}/complete", "{}");
        Assert.Equal(200, paid.Status);
        await system.WaitForStatusAsync(orderId, "Succeeded");
        return system;
    }
}
