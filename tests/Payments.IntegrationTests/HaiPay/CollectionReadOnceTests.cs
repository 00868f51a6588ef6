using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// A new collection's order is inserted and HaiPay's apply answer recorded from the inserted version: the order's row
/// is replaced once and never read back.
/// </summary>
public sealed class CollectionReadOnceTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task CreateCollection_NewOrder_ReplacedFromTheInsertedVersionNeverRead()
    {
        var log = new StorageRequestLog();
        await using var system = await PaymentsSystem.StartAsync(azurite, OrderRowRequests.JobsOff(), log.Install);
        log.Clear();

        await CollectionFlow.CreatedPayUrlAsync(system, "collection-read-once");

        Assert.Equal(["PUT"], OrderRowRequests.Methods(log, "collection-read-once"));
    }
}
