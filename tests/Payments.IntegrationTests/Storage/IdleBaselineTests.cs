using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Http.Jobs;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage;

/// <summary>
/// The storage requests each scheduled job makes at zero traffic (no order, no due check, no webhook), counted as the
/// bench counts them: the idle baseline docs/scale.md prices. With <c>Webhooks:IdleInterval</c>, the webhook
/// dispatcher's runs after one that found nothing due make no storage request until the interval has passed.
/// </summary>
public sealed class IdleBaselineTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task EachJob_ZeroTraffic_StorageRequestsPerRun()
    {
        await using var idle = await IdleServer.StartAsync(azurite, "00:00:00");

        var counts = new Dictionary<string, int>
        {
            ["webhooks"] = await idle.RequestsOfAsync<DeliverWebhooksScheduledJob>(),
            ["poll"] = await idle.RequestsOfAsync<HaiPayPollScheduledJob>(),
            ["expire"] = await idle.RequestsOfAsync<ExpireFramesScheduledJob>(),
        };

        // The webhook outbox: the endpoint's state, then one query per due shard (16); the poller and the frame
        // expiry: one query per due shard of their provider (16 each).
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["webhooks"] = 17,
                ["poll"] = 16,
                ["expire"] = 16,
            },
            counts
        );
    }

    [Fact]
    public async Task WebhookDispatcher_IdleInterval_SkipsStorageUntilItHasPassed()
    {
        await using var idle = await IdleServer.StartAsync(azurite, "00:01:00");

        var runs = new List<int>();
        for (var run = 0; run < 6; run++)
        {
            runs.Add(await idle.RequestsOfAsync<DeliverWebhooksScheduledJob>());
            idle.Clock.Advance(TimeSpan.FromSeconds(15));
        }

        // Runs every 15 s: the first queries, the next three (15, 30, 45 s) skip, the one at 60 s queries again.
        Assert.Equal([17, 0, 0, 0, 17, 0], runs);
    }

    [Fact]
    public async Task WebhookDispatcher_NoIdleInterval_EveryRunQueries()
    {
        await using var idle = await IdleServer.StartAsync(azurite, "00:00:00");

        var first = await idle.RequestsOfAsync<DeliverWebhooksScheduledJob>();
        idle.Clock.Advance(TimeSpan.FromSeconds(15));
        var second = await idle.RequestsOfAsync<DeliverWebhooksScheduledJob>();

        Assert.Equal((17, 17), (first, second));
    }

    private sealed class IdleServer : IAsyncDisposable
    {
        private readonly StorageRequestLog log;

        private IdleServer(ServerHost host, FakeTimeProvider clock, StorageRequestLog log)
        {
            Host = host;
            Clock = clock;
            this.log = log;
        }

        public ServerHost Host { get; }
        public FakeTimeProvider Clock { get; }

        public static async Task<IdleServer> StartAsync(AzuriteFixture azurite, string idleInterval)
        {
            var clock = new FakeTimeProvider(TestOrders.Now);
            var log = new StorageRequestLog();
            var host = await ServerHost.StartAsync(
                azurite,
                HandDrivenJobs.Settings(
                    clock,
                    new Dictionary<string, string?>
                    {
                        ["Webhooks:Url"] = "http://127.0.0.1:9/merchant/webhooks",
                        ["Webhooks:IdleInterval"] = idleInterval,
                    }
                ),
                s =>
                {
                    s.AddSingleton<TimeProvider>(clock);
                    log.Install(s);
                }
            );
            return new IdleServer(host, clock, log);
        }

        /// <summary>The storage requests one run of <typeparamref name="TJob"/> makes.</summary>
        public async Task<int> RequestsOfAsync<TJob>()
            where TJob : IScheduledJob
        {
            log.Clear();
            await Host.Services.GetRequiredService<TJob>().RunOnceAsync(default);
            return log.Requests.Count;
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
