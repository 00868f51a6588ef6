using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Core.Audit;
using Payments.Http.Jobs;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage;

/// <summary>
/// Audit retention: audit rows live in one table per month, and the purge job deletes whole month tables
/// once every row in them is older than <c>Audit:Retention</c> (default 400 days), without reading a row.
/// </summary>
public sealed class AuditRetentionTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PurgeAudit_MonthWhollyPastRetention_OldMonthGoneCurrentKept()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await ServerHost.StartAsync(azurite, QuietServer(), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        var audit = server.Services.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(
            new AuditRecord("ret-order", AuditKinds.CallbackApplied, "{\"old\":1}", clock.GetUtcNow()),
            default
        );
        await audit.RecordAsync(
            new AuditRecord(null, AuditKinds.CallbackUnmatched, "{\"old\":2}", clock.GetUtcNow()),
            default
        );
        var oldDay = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(420));
        await audit.RecordAsync(
            new AuditRecord("ret-order", AuditKinds.CallbackConflict, "{\"new\":1}", clock.GetUtcNow()),
            default
        );

        await server.Services.GetRequiredService<PurgeAuditScheduledJob>().RunOnceAsync(default);

        var kept = await audit.ListAsync("ret-order", default, default).ToListAsync();
        Assert.Equal("{\"new\":1}", Assert.Single(kept).Payload);
        Assert.Empty(await audit.ListAsync(null, oldDay, default).ToListAsync());
    }

    [Fact]
    public async Task PurgeAudit_MonthNotWhollyPastRetention_Kept()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await ServerHost.StartAsync(azurite, QuietServer(), s =>
            s.AddSingleton<TimeProvider>(clock)
        );
        var audit = server.Services.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(
            new AuditRecord("ret-edge", AuditKinds.CallbackApplied, "{}", clock.GetUtcNow()),
            default
        );
        clock.Advance(TimeSpan.FromDays(410));

        await server.Services.GetRequiredService<PurgeAuditScheduledJob>().RunOnceAsync(default);

        Assert.Single(await audit.ListAsync("ret-edge", default, default).ToListAsync());
    }

    [Fact]
    public async Task PurgeAudit_ManyOldRows_ListsTablesDeletesTheOldMonthAndQueriesOneAttentionRangePerMessagePartition()
    {
        var clock = new FakeTimeProvider(Start);
        var log = new StorageRequestLog();
        await using var server = await ServerHost.StartAsync(azurite, QuietServer(), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            log.Install(s);
        });
        var audit = server.Services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < 30; i++)
        {
            await audit.RecordAsync(
                new AuditRecord($"ret-many-{i}", AuditKinds.CallbackApplied, "{}", clock.GetUtcNow()),
                default
            );
        }

        clock.Advance(TimeSpan.FromDays(420));
        await audit.RecordAsync(
            new AuditRecord("ret-many-new", AuditKinds.CallbackApplied, "{}", clock.GetUtcNow()),
            default
        );
        log.Clear();

        await server.Services.GetRequiredService<PurgeAuditScheduledJob>().RunOnceAsync(default);

        var requests = log.Requests.Select(r => r.Replace("/devstoreaccount1", string.Empty, StringComparison.Ordinal));
        Assert.Equal(
            [
                "GET /Tables",
                $"DELETE /Tables('{server.TablePrefix}audit202501')",
                $"GET /{server.TablePrefix}attention()",
                $"GET /{server.TablePrefix}attention()",
            ],
            requests
        );
    }

    /// <summary>
    /// The attention rows of unmatched messages (listed while their audit records are kept) go with the records: one
    /// key-range query per message partition finds those older than the retention, each is deleted, younger ones stay.
    /// </summary>
    [Fact]
    public async Task PurgeAudit_MessageAttentionRowsBothSidesOfTheRetention_OnlyOlderDeleted()
    {
        var clock = new FakeTimeProvider(Start);
        var log = new StorageRequestLog();
        await using var server = await ServerHost.StartAsync(azurite, QuietServer(), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            log.Install(s);
        });
        var audit = server.Services.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(
            new AuditRecord(null, AuditKinds.CallbackUnmatched, "{\"orderId\":\"ret-old-1\"}", clock.GetUtcNow()),
            default
        );
        await audit.RecordAsync(
            new AuditRecord(null, AuditKinds.CallbackUnmatched, "{\"orderId\":\"ret-old-2\"}", clock.GetUtcNow()),
            default
        );
        clock.Advance(TimeSpan.FromDays(420));
        await audit.RecordAsync(
            new AuditRecord(null, AuditKinds.CallbackUnmatched, "{\"orderId\":\"ret-young\"}", clock.GetUtcNow()),
            default
        );
        log.Clear();

        await server.Services.GetRequiredService<PurgeAuditScheduledJob>().RunOnceAsync(default);

        var requests = log
            .Requests.Select(r => r.Replace("/devstoreaccount1", string.Empty, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, requests.Count(r => r == $"GET /{server.TablePrefix}attention()"));
        Assert.Equal(
            2,
            requests.Count(r => r.StartsWith($"DELETE /{server.TablePrefix}attention(", StringComparison.Ordinal))
        );
        var tables = server.Services.GetRequiredService<Payments.Azure.Tables.PaymentTables>();
        var filter = global::Azure.Data.Tables.TableClient.CreateQueryFilter(
            $"PartitionKey eq {"unmatched-callbacks"}"
        );
        var left = await tables.Attention.QueryAsync(filter, null, 1000, default).ToListAsync();
        Assert.Equal("ret-young", Assert.Single(left).GetString("OrderId"));
    }

    private static Dictionary<string, string?> QuietServer() => HandDrivenJobs.Never();
}
