using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

/// <summary>
/// A new frame's order is inserted and its provider answer recorded from the inserted version: the order's row is
/// replaced once and never read back.
/// </summary>
public sealed class FrameReadOnceTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task CreateFrame_NewOrder_ReplacedFromTheInsertedVersionNeverRead()
    {
        var log = new StorageRequestLog();
        await using var system = await PaymentsSystem.StartAsync(azurite, OrderRowRequests.JobsOff(), log.Install);
        log.Clear();

        await FrameFlow.CreatedIframeUrlAsync(system, "frame-read-once");

        Assert.Equal(["PUT"], OrderRowRequests.Methods(log, "frame-read-once"));
    }
}
