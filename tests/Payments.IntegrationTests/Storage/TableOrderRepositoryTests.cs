using Microsoft.Extensions.Logging.Abstractions;
using Payments.Azure.Orders;
using Payments.Azure.Tables;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;
using Payments.Core.Text;

namespace Payments.IntegrationTests.Storage;

public sealed class TableOrderRepositoryTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private async Task<TableOrderRepository> NewRepositoryAsync()
    {
        var tables = azurite.CreateTables();
        await tables.CreateIfNotExistsAsync(default);
        return new TableOrderRepository(tables, NullLogger<TableOrderRepository>.Instance);
    }

    [Fact]
    public async Task AddFind_RoundTrip_KeepsEveryField()
    {
        var repository = await NewRepositoryAsync();
        var order = TestOrders.New("A-1", nextCheckAt: TestOrders.Now.AddMinutes(1)) with
        {
            Amount = 999.90m,
            ProviderStatus = ProviderText.Of("1"),
            CardLast4 = "5556",
            ReviewReason = ReviewReasons.PartialCollection,
        };

        var added = await repository.AddAsync(order, default);
        var found = await repository.FindAsync("A-1", default);

        Assert.True(added.Added);
        Assert.Equal(order, found!.Value);
        Assert.Equal("999.90", found.Value.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Find_RowWrittenBeforeEventsWereNumbered_NumberZeroStoredEventIdKeptNextEventNumberOne()
    {
        var tables = azurite.CreateTables();
        await tables.CreateIfNotExistsAsync(default);
        var repository = new TableOrderRepository(tables, NullLogger<TableOrderRepository>.Instance);
        var legacyId = "evt_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("legacy\nNeedsReview")))[..32];
        var raised = new OrderEvent(legacyId, "order.needs_review", OrderStatus.NeedsReview, TestOrders.Now);
        var order = TestOrders.New("legacy") with { Status = OrderStatus.Pending, LastEvent = raised };
        await repository.AddAsync(order, default);
        var row = await tables.Orders.GetAsync(TableKeys.Encode("legacy"), "order", default);
        Assert.True(row.Entity!.Remove("EventSequence"));
        Assert.True((await tables.Orders.ReplaceAsync(row.Entity, row.ETag!, default)).IsSuccess);

        var legacy = (await repository.FindAsync("legacy", default))!;
        var flagged = legacy.Value.GiveUpChecking(ReviewReasons.ChecksExhausted, TestOrders.Now.AddMinutes(1)).Order;
        Assert.NotNull(await repository.TryReplaceAsync(legacy, flagged, default));
        var stored = (await repository.FindAsync("legacy", default))!.Value;

        Assert.Equal((0L, legacyId), (legacy.Value.EventSequence, legacy.Value.LastEvent!.Id));
        var numberOne = OrderEvent.IdFor("legacy", 1, OrderStatus.NeedsReview);
        Assert.Equal((1L, numberOne), (stored.EventSequence, stored.LastEvent!.Id));
        Assert.NotEqual(legacyId, stored.LastEvent.Id);
    }

    [Fact]
    public async Task Add_ExistingId_ReturnsTheStoredOrder()
    {
        var repository = await NewRepositoryAsync();
        await repository.AddAsync(TestOrders.New("dup") with { Amount = 1m }, default);

        var second = await repository.AddAsync(TestOrders.New("dup") with { Amount = 2m }, default);

        Assert.False(second.Added);
        Assert.Equal(1m, second.Order.Value.Amount);
    }

    [Fact]
    public async Task TryReplace_TwoConcurrentUpdates_ExactlyOneWins()
    {
        var repository = await NewRepositoryAsync();
        var stored = (await repository.AddAsync(TestOrders.New("race"), default)).Order;
        var succeeded = TestOrders.New("race") with { Status = OrderStatus.Succeeded };
        var failed = TestOrders.New("race") with { Status = OrderStatus.Failed };

        var results = await Task.WhenAll(
            repository.TryReplaceAsync(stored, succeeded, default),
            repository.TryReplaceAsync(stored, failed, default));

        Assert.Single(results, r => r is not null);
        Assert.Single(results, r => r is null);
        var status = (await repository.FindAsync("race", default))!.Value.Status;
        Assert.Equal(results[0] is not null ? OrderStatus.Succeeded : OrderStatus.Failed, status);
    }

    [Theory]
    [InlineData("quote'in'id")]
    [InlineData("double\"quote")]
    [InlineData("with space")]
    [InlineData("100%25")]
    [InlineData("ünïcødé-订单-🙂")]
    [InlineData("slash/back\\slash")]
    [InlineData("hash#question?")]
    [InlineData("control\u0001\u001f\u007f\u0085")]
    [InlineData("x') or (PartitionKey ne '")]
    public async Task AddFind_HostileOrderId_StoredEncodedAndReadBackExactly(string id)
    {
        var repository = await NewRepositoryAsync();
        await repository.AddAsync(TestOrders.New("neighbour"), default);

        await repository.AddAsync(TestOrders.New(id), default);

        Assert.Equal(id, (await repository.FindAsync(id, default))!.Value.Id);
        Assert.Equal("neighbour", (await repository.FindAsync("neighbour", default))!.Value.Id);
        Assert.Null(await repository.FindAsync(id + "x", default));
    }

    [Fact]
    public async Task FindDue_ManyOrders_ReturnsExactlyTheDueOnes()
    {
        var repository = await NewRepositoryAsync();
        var now = TestOrders.Now;
        var due = Enumerable.Range(0, 40).Select(i => $"due-{i}").ToHashSet();
        var orders = due.Select(id => TestOrders.New(id, nextCheckAt: now.AddSeconds(-Random.Shared.Next(0, 3600))))
            .Concat(Enumerable.Range(0, 200).Select(i => TestOrders.New($"later-{i}", nextCheckAt: now.AddTicks(1 + Random.Shared.Next(1, 1_000_000)))))
            .Concat(Enumerable.Range(0, 50).Select(i => TestOrders.New($"none-{i}")))
            .Concat(Enumerable.Range(0, 50).Select(i => TestOrders.New($"other-provider-{i}", PaymentProvider.HuaweiPin, now.AddHours(-1))));
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(orders.Select(async order =>
        {
            await gate.WaitAsync();
            try
            {
                await repository.AddAsync(order, default);
            }
            finally
            {
                gate.Release();
            }
        }));
        var exactlyNow = TestOrders.New("due-exactly-now", nextCheckAt: now);
        await repository.AddAsync(exactlyNow, default);
        due.Add(exactlyNow.Id);

        var found = await repository.FindDueAsync(PaymentProvider.HaiPay, now, 1000, default).Select(o => o.Value.Id).ToListAsync();

        Assert.Equal(due.Order(), found.Order());
    }

    [Fact]
    public async Task FindDue_AfterRescheduleOrCompletion_SkipsAndCleansStaleIndexRows()
    {
        var repository = await NewRepositoryAsync();
        var now = TestOrders.Now;
        var moved = (await repository.AddAsync(TestOrders.New("moved", nextCheckAt: now.AddMinutes(-5)), default)).Order;
        var done = (await repository.AddAsync(TestOrders.New("done", nextCheckAt: now.AddMinutes(-5)), default)).Order;
        var stillDue = (await repository.AddAsync(TestOrders.New("still", nextCheckAt: now.AddMinutes(-10)), default)).Order;
        await repository.TryReplaceAsync(moved, moved.Value with { NextCheckAt = now.AddMinutes(5) }, default);
        await repository.TryReplaceAsync(done, done.Value with { Status = OrderStatus.Succeeded, NextCheckAt = null }, default);
        await repository.TryReplaceAsync(stillDue, stillDue.Value with { NextCheckAt = now.AddMinutes(-1) }, default);

        Assert.Equal(["still"], await repository.FindDueAsync(PaymentProvider.HaiPay, now, 100, default).Select(o => o.Value.Id).ToListAsync());
        Assert.Equal(["moved", "still"], (await repository.FindDueAsync(PaymentProvider.HaiPay, now.AddMinutes(10), 100, default).Select(o => o.Value.Id).ToListAsync()).Order());
    }

    [Fact]
    public async Task FindHaiPaySubscription_NumberSavedWithTheSubscription_FoundByPointReadsAndOthersIgnored()
    {
        var repository = await NewRepositoryAsync();
        var created = (await repository.AddAsync(TestOrders.New("sub-n") with { Kind = OrderKind.Subscription }, default)).Order;
        Assert.Null(await repository.FindHaiPaySubscriptionAsync("USD", "4025001", default));
        var numbered = created.Value with { Status = OrderStatus.Pending, ProviderReference = "4025001" };
        Assert.NotNull(await repository.TryReplaceAsync(created, numbered, default));
        await repository.AddAsync(TestOrders.New("pay-n") with { ProviderReference = "4025002" }, default);

        // A compare-and-swap that loses: its reference row is written first and stays, but the order row, the truth, never held that number.
        var lost = await repository.TryReplaceAsync(created, numbered with { ProviderReference = "4025003" }, default);

        Assert.Null(lost);
        Assert.Equal("sub-n", (await repository.FindHaiPaySubscriptionAsync("USD", "4025001", default))!.Value.Id);
        Assert.Null(await repository.FindHaiPaySubscriptionAsync("USD", "4025002", default));
        Assert.Null(await repository.FindHaiPaySubscriptionAsync("USD", "4025003", default));
    }

    [Fact]
    public async Task FindDue_Max_LimitsTheBatch()
    {
        var repository = await NewRepositoryAsync();
        foreach (var i in Enumerable.Range(0, 30))
        {
            await repository.AddAsync(TestOrders.New($"o{i}", nextCheckAt: TestOrders.Now.AddMinutes(-1)), default);
        }

        Assert.Equal(10, (await repository.FindDueAsync(PaymentProvider.HaiPay, TestOrders.Now, 10, default).ToListAsync()).Count);
    }
}
