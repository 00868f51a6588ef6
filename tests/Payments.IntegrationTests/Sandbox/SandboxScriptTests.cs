using System.Diagnostics;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Sandbox;

/// <summary>
/// <c>scripts/sandbox</c> itself, run with bash against a sandbox on a free port (<c>SANDBOX_URL</c>), so the commands
/// docs/sandbox.md shows keep working.
/// </summary>
public sealed class SandboxScriptTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task PayDeclinePartial_ReachTheService_UnknownOrderOneLineExit1()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "scr-frame");
        await CollectionFlow.CreatedPayUrlAsync(system, "scr-declined", "12.50");
        await CollectionFlow.CreatedPayUrlAsync(system, "scr-partial", "12.50");

        var pay = await RunAsync(system, "pay", "scr-frame", "--amount", "30.00");
        var decline = await RunAsync(system, "decline", "scr-declined", "--reason", "do not honour");
        var partial = await RunAsync(system, "partial", "scr-partial", "4.00");
        var unknown = await RunAsync(system, "pay", "no-such-order");

        Assert.Equal((0, 0, 0), (pay.Code, decline.Code, partial.Code));
        var paid = await system.WaitForStatusAsync("scr-frame", "Succeeded");
        Assert.Equal("30.00", paid.GetProperty("amount").GetString());
        var failed = await system.WaitForStatusAsync("scr-declined", "Failed");
        Assert.Equal("do not honour", failed.GetProperty("declineReason").GetString());
        var declined = await system.SandboxPaymentAsync("scr-declined");
        Assert.Equal("do not honour", declined!.Value.GetProperty("errorMsg").GetString());
        var flagged = await system.WaitForStatusAsync("scr-partial", "NeedsReview");
        Assert.Equal("partial-collection", flagged.GetProperty("reviewReason").GetString());
        Assert.Equal(1, unknown.Code);
        Assert.Equal(string.Empty, unknown.Out);
        Assert.Single(unknown.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sandbox: unknown order no-such-order", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaultOnAndOff_SwitchesOneFault_ClearFaultsClearsAll()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var on = await RunAsync(system, "fault", "haipay", "badNotificationSignature", "on");
        var value = await RunAsync(system, "fault", "haipay", "apply", "timeout");
        var off = await RunAsync(system, "fault", "haipay", "badNotificationSignature", "off");
        var silent = await RunAsync(system, "fault", "haipay", "notifications", "off");
        var wrong = await RunAsync(system, "fault", "haipay", "noSuchFault", "on");
        var shown = await RunAsync(system, "faults", "haipay");
        var cleared = await RunAsync(system, "clear-faults");
        var after = await RunAsync(system, "faults", "haipay");

        Assert.Equal((0, 0, 0, 0, 0), (on.Code, value.Code, off.Code, shown.Code, cleared.Code));
        Assert.Contains("\"badNotificationSignature\":true", on.Out, StringComparison.Ordinal);
        Assert.Contains("\"apply\":\"timeout\"", shown.Out, StringComparison.Ordinal);
        Assert.Contains("\"badNotificationSignature\":false", shown.Out, StringComparison.Ordinal);
        Assert.Contains("\"notifications\":false", silent.Out, StringComparison.Ordinal);
        Assert.Equal(1, wrong.Code);
        Assert.Contains("noSuchFault", wrong.Error, StringComparison.Ordinal);
        Assert.Contains("\"apply\":\"none\"", after.Out, StringComparison.Ordinal);
        Assert.Contains("\"notifications\":true", after.Out, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(
        PaymentsSystem system,
        params string[] arguments
    )
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "sandbox"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SANDBOX_URL"] = system.Sandbox.BaseAddress.ToString();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
