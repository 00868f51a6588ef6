using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage.Contract;

/// <summary>
/// What every <see cref="IOrderRepository"/> answers: compare-and-swap, duplicates, due checks, numbers, children.
/// </summary>
public abstract class OrderStoreContract(IStoreFactory factory) : StoreContract(factory)
{
    [Fact]
    public async Task AddFind_RoundTrip_KeepsEveryField()
    {
        var orders = (await StoresAsync()).Orders;
        var order = TestOrders.New("A-1", nextCheckAt: TestOrders.Now.AddMinutes(1)) with
        {
            Amount = 999.90m,
            ProviderStatus = ProviderText.Of("1"),
            CardLast4 = "5556",
            ReviewReason = ReviewReason.PartialCollection,
        };

        var added = await orders.AddAsync(order, default);
        var found = await orders.FindAsync("A-1", default);

        Assert.True(added.Added);
        Assert.Equal(order, found!.Value);
        Assert.Equal(added.Order.Version, found.Version);
        Assert.Equal("999.90", found.Value.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(await orders.FindAsync("A-2", default));
    }

    [Fact]
    public async Task Add_ExistingId_ReturnsTheStoredOrder()
    {
        var orders = (await StoresAsync()).Orders;
        var first = await orders.AddAsync(TestOrders.New("dup") with { Amount = 1m }, default);

        var second = await orders.AddAsync(TestOrders.New("dup") with { Amount = 2m }, default);

        Assert.False(second.Added);
        Assert.Equal(1m, second.Order.Value.Amount);
        Assert.Equal(first.Order.Version, second.Order.Version);
    }

    [Fact]
    public async Task TryReplace_TwoConcurrentUpdates_ExactlyOneWins()
    {
        var orders = (await StoresAsync()).Orders;
        var stored = (await orders.AddAsync(TestOrders.New("race"), default)).Order;
        var succeeded = TestOrders.New("race") with { Status = OrderStatus.Succeeded };
        var failed = TestOrders.New("race") with { Status = OrderStatus.Failed };

        var results = await Task.WhenAll(
            orders.TryReplaceAsync(stored, succeeded, default),
            orders.TryReplaceAsync(stored, failed, default)
        );

        Assert.Single(results, r => r is not null);
        Assert.Single(results, r => r is null);
        var now = (await orders.FindAsync("race", default))!;
        Assert.Equal(results[0] is not null ? OrderStatus.Succeeded : OrderStatus.Failed, now.Value.Status);
        Assert.Equal(results.Single(r => r is not null), now.Version);
    }

    [Fact]
    public async Task TryReplace_StaleVersionOrUnknownOrder_NullAndNothingWritten()
    {
        var orders = (await StoresAsync()).Orders;
        var stored = (await orders.AddAsync(TestOrders.New("stale"), default)).Order;
        Assert.NotNull(await orders.TryReplaceAsync(stored, stored.Value with { Checks = 1 }, default));

        var stale = await orders.TryReplaceAsync(stored, stored.Value with { Checks = 2 }, default);
        var unknown = await orders.TryReplaceAsync(
            stored with
            {
                Value = TestOrders.New("nobody"),
            },
            TestOrders.New("nobody"),
            default
        );

        Assert.Null(stale);
        Assert.Null(unknown);
        Assert.Equal(1, (await orders.FindAsync("stale", default))!.Value.Checks);
        Assert.Null(await orders.FindAsync("nobody", default));
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
    public async Task AddFind_HostileOrderId_StoredAndReadBackExactly(string id)
    {
        var orders = (await StoresAsync()).Orders;
        await orders.AddAsync(TestOrders.New("neighbour"), default);

        await orders.AddAsync(TestOrders.New(id), default);

        Assert.Equal(id, (await orders.FindAsync(id, default))!.Value.Id);
        Assert.Equal("neighbour", (await orders.FindAsync("neighbour", default))!.Value.Id);
        Assert.Null(await orders.FindAsync(id + "x", default));
    }

    [Fact]
    public async Task FindDue_ManyOrders_ReturnsExactlyTheDueOnes()
    {
        var orders = (await StoresAsync()).Orders;
        var now = TestOrders.Now;
        var due = Enumerable.Range(0, 40).Select(i => $"due-{i}").ToHashSet();
        var all = due.Select(id => TestOrders.New(id, nextCheckAt: now.AddSeconds(-Random.Shared.Next(0, 3600))))
            .Concat(
                Enumerable
                    .Range(0, 200)
                    .Select(i =>
                        TestOrders.New($"later-{i}", nextCheckAt: now.AddTicks(1 + Random.Shared.Next(1, 1_000_000)))
                    )
            )
            .Concat(Enumerable.Range(0, 50).Select(i => TestOrders.New($"none-{i}")))
            .Concat(
                Enumerable
                    .Range(0, 50)
                    .Select(i => TestOrders.New($"other-provider-{i}", PaymentProvider.HuaweiPin, now.AddHours(-1)))
            );
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (o, ct) =>
            await orders.AddAsync(o, ct)
        );
        var exactlyNow = TestOrders.New("due-exactly-now", nextCheckAt: now);
        await orders.AddAsync(exactlyNow, default);
        due.Add(exactlyNow.Id);

        var found = await orders
            .FindDueAsync(PaymentProvider.HaiPay, now, 1000, default)
            .Select(o => o.Value.Id)
            .ToListAsync();

        Assert.Equal(due.Order(), found.Order());
    }

    [Fact]
    public async Task FindDue_AfterRescheduleOrCompletion_SkipsThemAndFindsTheRescheduledLater()
    {
        var orders = (await StoresAsync()).Orders;
        var now = TestOrders.Now;
        var moved = (await orders.AddAsync(TestOrders.New("moved", nextCheckAt: now.AddMinutes(-5)), default)).Order;
        var done = (await orders.AddAsync(TestOrders.New("done", nextCheckAt: now.AddMinutes(-5)), default)).Order;
        var still = (await orders.AddAsync(TestOrders.New("still", nextCheckAt: now.AddMinutes(-10)), default)).Order;
        await orders.TryReplaceAsync(moved, moved.Value with { NextCheckAt = now.AddMinutes(5) }, default);
        var completed = done.Value with { Status = OrderStatus.Succeeded, NextCheckAt = null };
        await orders.TryReplaceAsync(done, completed, default);
        await orders.TryReplaceAsync(still, still.Value with { NextCheckAt = now.AddMinutes(-1) }, default);

        var dueNow = await orders.FindDueAsync(PaymentProvider.HaiPay, now, 100, default).ToListAsync();
        var dueLater = await orders
            .FindDueAsync(PaymentProvider.HaiPay, now.AddMinutes(10), 100, default)
            .ToListAsync();

        Assert.Equal(["still"], dueNow.Select(o => o.Value.Id));
        Assert.Equal(["moved", "still"], dueLater.Select(o => o.Value.Id).Order());
        Assert.Equal((await orders.FindAsync("still", default))!.Version, dueNow[0].Version);
    }

    [Fact]
    public async Task FindDue_Max_LimitsTheBatch()
    {
        var orders = (await StoresAsync()).Orders;
        foreach (var i in Enumerable.Range(0, 30))
        {
            await orders.AddAsync(TestOrders.New($"o{i}", nextCheckAt: TestOrders.Now.AddMinutes(-1)), default);
        }

        var batch = await orders.FindDueAsync(PaymentProvider.HaiPay, TestOrders.Now, 10, default).ToListAsync();

        Assert.Equal(10, batch.Select(o => o.Value.Id).Distinct().Count());
    }

    [Fact]
    public async Task FindHaiPaySubscription_NumberSavedWithTheSubscription_FoundPerAccountAndOthersIgnored()
    {
        var orders = (await StoresAsync()).Orders;
        var created = (await orders.AddAsync(Subscription("sub-n", "USD"), default)).Order;
        Assert.Null(await orders.FindHaiPaySubscriptionAsync("USD", "4025001", default));
        var numbered = created.Value with { Status = OrderStatus.Pending, ProviderReference = "4025001" };
        Assert.NotNull(await orders.TryReplaceAsync(created, numbered, default));
        await orders.AddAsync(TestOrders.New("pay-n") with { ProviderReference = "4025002" }, default);
        await orders.AddAsync(Subscription("sub-eur", "EUR") with { ProviderReference = "4025001" }, default);

        // A compare-and-swap that loses never gives the subscription that number.
        var lost = await orders.TryReplaceAsync(created, numbered with { ProviderReference = "4025003" }, default);

        Assert.Null(lost);
        Assert.Equal("sub-n", (await orders.FindHaiPaySubscriptionAsync("usd", "4025001", default))!.Value.Id);
        Assert.Equal("sub-eur", (await orders.FindHaiPaySubscriptionAsync("EUR", "4025001", default))!.Value.Id);
        Assert.Null(await orders.FindHaiPaySubscriptionAsync("USD", "4025002", default));
        Assert.Null(await orders.FindHaiPaySubscriptionAsync("USD", "4025003", default));
        Assert.Null(await orders.FindHaiPaySubscriptionAsync("GBP", "4025001", default));
    }

    [Fact]
    public async Task FindChildren_RefundsAndCharges_EachChildOfThatParentOnce()
    {
        var orders = (await StoresAsync()).Orders;
        await orders.AddAsync(TestOrders.New("parent"), default);
        await orders.AddAsync(TestOrders.New("other-parent"), default);
        await orders.AddAsync(TestOrders.New("child-1") with { ParentOrderId = "parent" }, default);
        await orders.AddAsync(TestOrders.New("child-2") with { ParentOrderId = "parent" }, default);
        await orders.AddAsync(TestOrders.New("child-3") with { ParentOrderId = "other-parent" }, default);

        var children = await orders.FindChildrenAsync("parent", default).Select(c => c.Id).ToListAsync();

        Assert.Equal(["child-1", "child-2"], children.Order());
        Assert.Empty(await orders.FindChildrenAsync("child-1", default).ToListAsync());
    }

    private static PaymentOrder Subscription(string id, string currency) =>
        TestOrders.New(id) with
        {
            Kind = OrderKind.Subscription,
            Currency = currency,
        };
}
