using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Azure.Audit;
using Payments.Core.Audit;
using Payments.Http.Jobs;
using Payments.IntegrationTests.Fixtures;
using Payments.Testing;

namespace Payments.IntegrationTests.Storage;

/// <summary>
/// On Azure the app's table role cannot drop a table, so audit months past retention are an operator's step: the purge
/// job leaves them (with <c>Audit:DropExpiredMonths</c> off, or when storage refuses the drop for want of permission)
/// and says so in one log event per run, never a failed run.
/// </summary>
public sealed class ExpiredAuditMonthsTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const int OperatorStepEvent = 3022;
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PurgeAudit_DropExpiredMonthsOff_MonthKeptOneOperatorStepEventNoDeleteSent()
    {
        var clock = new FakeTimeProvider(Start);
        var log = new StorageRequestLog();
        var settings = QuietServer();
        settings["Audit:DropExpiredMonths"] = "false";
        await using var server = await ServerHost.StartAsync(azurite, settings, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            log.Install(s);
        });
        var audit = server.Services.GetRequiredService<IAuditLog>();
        await RecordOldAndNewAsync(audit, clock);
        log.Clear();

        await server.Services.GetRequiredService<PurgeAuditScheduledJob>().RunOnceAsync(default);

        Assert.Equal(2, (await audit.ListAsync("exp-order", default, default).ToListAsync()).Count);
        Assert.DoesNotContain(log.Requests, r => r.StartsWith("DELETE /Tables", StringComparison.Ordinal));
        var left = Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Id == OperatorStepEvent);
        Assert.Contains($"oldest {server.TablePrefix}audit202501", left.Message, StringComparison.Ordinal);
        Assert.Contains("Audit:DropExpiredMonths is off", left.Message, StringComparison.Ordinal);
        Assert.Contains(TableAuditLog.OperatorStep, left.Message, StringComparison.Ordinal);
    }

    /// <summary>Two months past retention: each run tries the oldest, is refused, and leaves both.</summary>
    [Fact]
    public async Task PurgeAudit_DropRefusedForPermission_MonthsKeptOneDeletePerRunOneOperatorStepEventPerRun()
    {
        var clock = new FakeTimeProvider(Start);
        var refuse = new RefuseTableDeletes();
        await using var server = await ServerHost.StartAsync(azurite, QuietServer(), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            StoragePipeline.Install(s, refuse);
        });
        var audit = server.Services.GetRequiredService<IAuditLog>();
        foreach (var days in (int[])[0, 36, 450])
        {
            await audit.RecordAsync(
                new AuditRecord("exp-order", AuditKinds.CallbackApplied, "{}", Start.AddDays(days)),
                default
            );
        }

        clock.Advance(TimeSpan.FromDays(450));
        var job = server.Services.GetRequiredService<PurgeAuditScheduledJob>();

        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);

        Assert.Equal(3, (await audit.ListAsync("exp-order", default, default).ToListAsync()).Count);
        Assert.Equal(2, refuse.Refused);
        var events = server.Logs.GetSnapshot().Where(r => r.Id.Id == OperatorStepEvent).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e =>
        {
            Assert.StartsWith("2 audit month table(s) past retention, oldest", e.Message, StringComparison.Ordinal);
            Assert.Contains($"{server.TablePrefix}audit202501", e.Message, StringComparison.Ordinal);
            Assert.Contains("left for the operator step: not permitted: 403", e.Message, StringComparison.Ordinal);
        });
    }

    /// <summary>A record in January 2025, then one 420 days later (the January month is then past retention).</summary>
    private static async Task RecordOldAndNewAsync(IAuditLog audit, FakeTimeProvider clock)
    {
        await audit.RecordAsync(
            new AuditRecord("exp-order", AuditKinds.CallbackApplied, "{\"old\":1}", clock.GetUtcNow()),
            default
        );
        clock.Advance(TimeSpan.FromDays(420));
        await audit.RecordAsync(
            new AuditRecord("exp-order", AuditKinds.CallbackConflict, "{\"new\":1}", clock.GetUtcNow()),
            default
        );
    }

    private static Dictionary<string, string?> QuietServer() => HandDrivenJobs.Never();

    /// <summary>
    /// Sends every Delete Table with its signature spoiled, so storage itself refuses it with 403 (as Azure refuses it
    /// to a role without <c>tables/delete</c>, there with <c>AuthorizationPermissionMismatch</c>).
    /// </summary>
    private sealed class RefuseTableDeletes : HttpPipelinePolicy
    {
        private int refused;

        /// <summary>Delete Table requests sent with a spoiled signature so far.</summary>
        public int Refused => refused;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (IsTableDelete(message))
            {
                Interlocked.Increment(ref refused);
                message.Request.Headers.SetValue("Authorization", "SharedKey devstoreaccount1:c3BvaWxlZA==");
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The table client is used asynchronously only.");

        private static bool IsTableDelete(HttpMessage message) =>
            message.Request.Method == RequestMethod.Delete
            && Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath)
                .Contains("/Tables('", StringComparison.Ordinal);
    }
}
