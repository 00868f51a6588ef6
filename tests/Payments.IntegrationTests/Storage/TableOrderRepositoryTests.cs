using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Azure;
using Payments.Azure.Orders;
using Payments.Azure.Tables;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage;

/// <summary>
/// The Table order store's own rows (what every order store answers is in <c>Contract/OrderStoreContract</c>): rows of
/// earlier versions read as they were, the index rows a write sends, and nothing written outside the store's tables.
/// </summary>
public sealed class TableOrderRepositoryTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Find_RowWrittenBeforeEventsWereNumbered_NumberZeroStoredEventIdKeptNextEventNumberOne()
    {
        var tables = azurite.CreateTables();
        await tables.CreateIfNotExistsAsync(default);
        var repository = new TableOrderRepository(tables, NullLogger<TableOrderRepository>.Instance);
        var legacyId =
            "evt_"
            + Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("legacy\nNeedsReview"))
            )[..32];
        var raised = new OrderEvent(legacyId, "order.needs_review", OrderStatus.NeedsReview, TestOrders.Now);
        var order = TestOrders.New("legacy") with { Status = OrderStatus.Pending, LastEvent = raised };
        await repository.AddAsync(order, default);
        var row = await tables.Orders.GetAsync(TableKeys.Encode("legacy"), "order", default);
        Assert.True(row.Entity!.Remove("EventSequence"));
        Assert.True((await tables.Orders.ReplaceAsync(row.Entity, row.ETag!, default)).IsSuccess);

        var legacy = (await repository.FindAsync("legacy", default))!;
        var flagged = legacy.Value.GiveUpChecking(ReviewReason.ChecksExhausted, TestOrders.Now.AddMinutes(1)).Order;
        Assert.NotNull(await repository.TryReplaceAsync(legacy, flagged, default));
        var stored = (await repository.FindAsync("legacy", default))!.Value;

        Assert.Equal((0L, legacyId), (legacy.Value.EventSequence, legacy.Value.LastEvent!.Id));
        var numberOne = OrderEvent.IdFor("legacy", 1, OrderStatus.NeedsReview);
        Assert.Equal((1L, numberOne), (stored.EventSequence, stored.LastEvent!.Id));
        Assert.NotEqual(legacyId, stored.LastEvent.Id);
    }

    [Fact]
    public async Task TryReplace_IndexRowsTheOrderAlreadyHas_NotWrittenAgain()
    {
        var (repository, log, prefix) = await LoggedRepositoryAsync();
        var added = (await repository.AddAsync(TestOrders.New("same-due", nextCheckAt: TestOrders.Now), default)).Order;
        log.Clear();

        Assert.NotNull(await repository.TryReplaceAsync(added, added.Value with { Checks = 1 }, default));

        Assert.Equal([$"PUT /{prefix}orders(PartitionKey='same-due',RowKey='order')"], Requests(log));
    }

    [Fact]
    public async Task TryReplace_OrderAccepted_StaleRowDeletedAtOnceDueRowKept()
    {
        var (repository, log, prefix) = await LoggedRepositoryAsync();
        var added = (await repository.AddAsync(TestOrders.New("accepted", nextCheckAt: TestOrders.Now), default)).Order;
        log.Clear();
        var link = TestLinks.Of("https://pay.example/accepted");
        var accepted = added.Value.Accept("ref", link, added.Value.NextCheckAt, TestOrders.Now.AddSeconds(1)).Order;

        Assert.NotNull(await repository.TryReplaceAsync(added, accepted, default));

        var requests = Requests(log);
        Assert.Equal(2, requests.Count);
        Assert.Equal($"PUT /{prefix}orders(PartitionKey='accepted',RowKey='order')", requests[0]);
        Assert.StartsWith($"DELETE /{prefix}attention(PartitionKey='stale',", requests[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_OrderRaisingAnEvent_NothingWrittenOutsideTheOrderStoresTables()
    {
        var (repository, log, prefix) = await LoggedRepositoryAsync();
        var added = (await repository.AddAsync(TestOrders.New("raises"), default)).Order;
        var link = TestLinks.Of("https://pay.example/raises");
        var pending = added.Value.Accept("ref", link, null, TestOrders.Now.AddSeconds(1)).Order;
        var version = await repository.TryReplaceAsync(added, pending, default);

        var flagged = pending.GiveUpChecking(ReviewReason.ChecksExhausted, TestOrders.Now.AddSeconds(2)).Order;
        Assert.True(flagged.HasNewEvent);
        var read = new Versioned<PaymentOrder>(pending, version!);
        Assert.NotNull(await repository.TryReplaceAsync(read, flagged, default));

        var tables = Requests(log).Select(r => r.Split(' ')[1].TrimStart('/').Split('(')[0][prefix.Length..]);
        Assert.Subset(
            new HashSet<string> { "orders", "orderdue", "attention", "references", "reconciliation" },
            tables.ToHashSet()
        );
        Assert.Contains("orders", tables);
    }

    private async Task<(TableOrderRepository Repository, StorageRequestLog Log, string Prefix)> LoggedRepositoryAsync()
    {
        var log = new StorageRequestLog();
        var options = StorageClient.Options(new StorageOptions().Timeout);
        options.AddPolicy(log, HttpPipelinePosition.PerRetry);
        var tables = azurite.CreateTables(options);
        await tables.CreateIfNotExistsAsync(default);
        log.Clear();
        var prefix = tables.Orders.Name[..^"orders".Length];
        return (new TableOrderRepository(tables, NullLogger<TableOrderRepository>.Instance), log, prefix);
    }

    private static List<string> Requests(StorageRequestLog log) =>
        [.. log.Requests.Select(r => r.Replace("/devstoreaccount1", string.Empty, StringComparison.Ordinal))];
}
