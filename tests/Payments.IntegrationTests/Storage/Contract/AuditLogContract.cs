using Payments.Core.Audit;

namespace Payments.IntegrationTests.Storage.Contract;

/// <summary>
/// What every <see cref="IAuditLog"/> answers: records per order across months, a day's records about no order, once
/// per key, the cap on unverified summaries, and retention by whole months.
/// </summary>
public abstract class AuditLogContract(IStoreFactory factory) : StoreContract(factory)
{
    private const string Unverified = AuditKinds.CallbackUnverified;
    private static readonly DateTimeOffset January = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task List_OneOrder_ItsRecordsOldestFirstAcrossMonths()
    {
        var audit = (await StoresAsync()).Audit;
        var february = January.AddDays(40);
        await audit.RecordAsync(Record("order-a", AuditKinds.CallbackConflict, "{\"n\":2}", february), default);
        await audit.RecordAsync(Record("order-a", AuditKinds.CallbackApplied, "{\"n\":1}", January), default);
        await audit.RecordAsync(Record("order-b", AuditKinds.CallbackApplied, "{\"n\":3}", January), default);

        var listed = await audit.ListAsync("order-a", January.AddYears(1), default).ToListAsync();

        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], listed.Select(r => r.Payload));
        Assert.Equal(Record("order-a", AuditKinds.CallbackApplied, "{\"n\":1}", January), listed[0]);
        Assert.Empty(await audit.ListAsync("order-c", January, default).ToListAsync());
    }

    [Fact]
    public async Task Record_SameOnceKeyAgain_KeptOncePerPartition()
    {
        var audit = (await StoresAsync()).Audit;
        var replayed = Record("order-a", AuditKinds.CallbackStale, "{}", January) with { OnceKey = "body-1" };

        await audit.RecordAsync(replayed, default);
        await audit.RecordAsync(replayed with { At = January.AddMinutes(10) }, default);
        await audit.RecordAsync(replayed with { OnceKey = "body-2" }, default);
        await audit.RecordAsync(replayed with { OrderId = "order-b" }, default);

        Assert.Equal(2, await audit.ListAsync("order-a", January, default).CountAsync());
        Assert.Equal(1, await audit.ListAsync("order-b", January, default).CountAsync());
    }

    [Fact]
    public async Task RecordUnverified_PastTheCapOfThePartition_OnlyCounted()
    {
        var audit = (await StoresAsync(a => a.UnverifiedPerPartition = 2)).Audit;
        for (var i = 0; i < 3; i++)
        {
            var at = January.AddSeconds(i);
            await audit.RecordUnverifiedAsync(Record(null, Unverified, $"{{\"n\":{i}}}", at), default);
            await audit.RecordUnverifiedAsync(Record("order-a", Unverified, "{}", at), default);
        }

        await audit.RecordUnverifiedAsync(Record("order-a", Unverified, "{}", January.AddDays(31)), default);

        var day = await audit.ListAsync(null, January, default).ToListAsync();
        Assert.Equal(["{\"n\":0}", "{\"n\":1}"], day.Select(r => r.Payload));
        Assert.Equal(3, await audit.ListAsync("order-a", January, default).CountAsync());
    }

    [Fact]
    public async Task List_NoOrder_TheDaysUnmatchedThenUnverifiedThenOperatorRecords()
    {
        var audit = (await StoresAsync()).Audit;
        var day = January;
        await audit.RecordAsync(Record(null, AuditKinds.OperatorEndpointEnable, "{\"op\":1}", day), default);
        await audit.RecordUnverifiedAsync(Record(null, AuditKinds.CallbackUnverified, "{\"u\":1}", day), default);
        await audit.RecordAsync(Record(null, AuditKinds.CallbackUnmatched, "{\"m\":1}", day.AddHours(1)), default);
        await audit.RecordAsync(Record(null, AuditKinds.CallbackUnmatched, "{\"m\":2}", day.AddDays(1)), default);
        await audit.RecordAsync(Record("order-a", AuditKinds.CallbackApplied, "{\"o\":1}", day), default);

        var listed = await audit.ListAsync(null, day, default).ToListAsync();
        var nextDay = await audit.ListAsync(null, day.AddDays(1), default).ToListAsync();

        Assert.Equal(
            [AuditKinds.CallbackUnmatched, AuditKinds.CallbackUnverified, AuditKinds.OperatorEndpointEnable],
            listed.Select(r => r.Kind)
        );
        Assert.Equal(["{\"m\":2}"], nextDay.Select(r => r.Payload));
    }

    [Fact]
    public async Task Purge_MonthsEndedBefore_DeletedWholeLaterMonthsKept()
    {
        var audit = (await StoresAsync()).Audit;
        await audit.RecordAsync(Record("ret-order", AuditKinds.CallbackApplied, "{\"old\":1}", January), default);
        await audit.RecordAsync(Record(null, AuditKinds.CallbackUnmatched, "{\"old\":2}", January), default);
        var february = January.AddDays(17);
        await audit.RecordAsync(Record("ret-order", AuditKinds.CallbackApplied, "{\"edge\":1}", february), default);
        var later = January.AddDays(420);
        await audit.RecordAsync(Record("ret-order", AuditKinds.CallbackConflict, "{\"new\":1}", later), default);

        var purged = await audit.PurgeAsync(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), default);
        var again = await audit.PurgeAsync(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), default);

        Assert.Equal((1, 0), (purged, again));
        var kept = await audit.ListAsync("ret-order", default, default).Select(r => r.Payload).ToListAsync();
        Assert.Equal(["{\"edge\":1}", "{\"new\":1}"], kept);
        Assert.Empty(await audit.ListAsync(null, January, default).ToListAsync());
    }

    private static AuditRecord Record(string? orderId, string kind, string payload, DateTimeOffset at) =>
        new(orderId, kind, payload, at);
}
