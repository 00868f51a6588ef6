using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Sandbox;

/// <summary>
/// HUAWEIPIN frames completed through <c>/huaweipin/_sandbox/frames/{id}/complete</c> reach the service by the same
/// callback as the payment page's buttons.
/// </summary>
public sealed class FrameTriggerTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Complete_PaidWithAnAmountAndFailed_ServiceRecordsBothFromTheCallback()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "trg-frame-paid");
        await FrameFlow.CreatedIframeUrlAsync(system, "trg-frame-failed");

        var paid = await SandboxControl.PostAsync(
            system,
            "/huaweipin/_sandbox/frames/trg-frame-paid/complete",
            """{"outcome":"success","amount":"25.50"}"""
        );
        var failed = await SandboxControl.PostAsync(
            system,
            "/huaweipin/_sandbox/frames/trg-frame-failed/complete",
            """{"outcome":"failed"}"""
        );

        Assert.Equal((200, 200), (paid.Status, failed.Status));
        var order = await system.WaitForStatusAsync("trg-frame-paid", "Succeeded");
        Assert.Equal("25.50", order.GetProperty("amount").GetString());
        await system.WaitForStatusAsync("trg-frame-failed", "Failed");
    }

    [Fact]
    public async Task Complete_BadAmountAndOutcome400_Unknown404_Twice409()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "trg-frame-bad");
        const string Path = "/huaweipin/_sandbox/frames/trg-frame-bad/complete";

        var bad = await SandboxControl.PostAsync(system, Path, """{"outcome":"paid","amount":"-3"}""");
        var unknown = await SandboxControl.PostAsync(system, "/huaweipin/_sandbox/frames/nobody/complete", "{}");
        var first = await SandboxControl.PostAsync(system, Path, "{}");
        var second = await SandboxControl.PostAsync(system, Path, "{}");

        Assert.Equal((400, "amount,outcome"), (bad.Status, SandboxControl.BadFields(bad.Body)));
        Assert.Equal(404, unknown.Status);
        Assert.Equal((200, "100.00", 409), (first.Status, first.Body.GetProperty("amount").GetString(), second.Status));
        await system.WaitForStatusAsync("trg-frame-bad", "Succeeded");
    }
}
