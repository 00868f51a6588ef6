using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Storage;

/// <summary>
/// Storage requests one unit of work costs, counted as the bench counts them (every try the Server's table client
/// sends): a count is the same on any machine, so it is asserted.
/// </summary>
public sealed class StorageRequestCountTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    /// <summary>
    /// A new HUAWEIPIN frame: its <c>stale</c> attention row and its due row are written before the order is inserted;
    /// once HUAWEIPIN has answered, the order is replaced (its due row unchanged, so not written again) and the stale
    /// row, which no longer holds, is deleted at once.
    /// </summary>
    [Fact]
    public async Task CreateFrame_NewFrameAccepted_AtMostFiveStorageRequests()
    {
        var log = new StorageRequestLog();
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            HandDrivenJobs.Settings(TimeProvider.System),
            log.Install
        );
        await FrameFlow.CreatedIframeUrlAsync(system, "count-first");
        log.Clear();

        await FrameFlow.CreatedIframeUrlAsync(system, "count-frame");

        var requests = log.Requests.Select(r => r.Replace("/devstoreaccount1", string.Empty, StringComparison.Ordinal));
        Assert.True(log.Requests.Count <= 5, $"{log.Requests.Count} requests:\n{string.Join('\n', requests)}");
    }
}
