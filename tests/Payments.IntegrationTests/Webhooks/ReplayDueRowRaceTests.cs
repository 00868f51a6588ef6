using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Azure;
using Payments.Azure.Tables;
using Payments.Azure.Webhooks;
using Payments.Core.Webhooks;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Webhooks;

/// <summary>
/// An operator's replay writes the due row (due now), then replaces the abandoned delivery with a Pending one. A
/// delivery run that reads the due row in between finds the delivery still abandoned and drops the row (the outbox's
/// own check, before any in-flight grace); the Pending delivery then lands with no due row and is never sent, though
/// the replay was answered 202.
/// </summary>
public sealed class ReplayDueRowRaceTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task DeliveryRunBetweenReplayDueRowAndDeliveryWrite_ReplayStillDue()
    {
        var prefix = TablePrefix.New();
        var timeout = new StorageOptions().Timeout;
        var plain = new PaymentTables(azurite.CreateService(), prefix, timeout);
        await plain.CreateIfNotExistsAsync(default);
        var hook = new BeforeDeliveryReplace();
        var options = StorageClient.Options(timeout);
        options.AddPolicy(hook, HttpPipelinePosition.PerRetry);
        var hooked = new PaymentTables(azurite.CreateService(options), prefix, timeout);
        var runner = new TableWebhookOutbox(plain, NullLogger<TableWebhookOutbox>.Instance);
        var replayer = new TableWebhookOutbox(hooked, NullLogger<TableWebhookOutbox>.Instance);
        var t = TestOrders.Now;

        var abandoned = WebhookDelivery.Start("evt-1", t).Abandon("gave up", t.AddMinutes(1));
        Assert.NotNull(await runner.TrySaveAsync("replay-race", abandoned, null, default));
        var stored = (await runner.FindVersionedAsync("replay-race", "evt-1", default))!;

        var replayAt = t.AddHours(1);
        hook.Before = async () =>
        {
            await foreach (var _ in runner.FindDueAsync(replayAt, 100, default)) { }
        };
        Assert.NotNull(await replayer.TryReplayAsync("replay-race", stored, replayAt, default));

        var due = new List<ScheduledWebhook>();
        await foreach (var entry in runner.FindDueAsync(replayAt.AddMinutes(1), 100, default))
        {
            due.Add(entry);
        }

        Assert.Contains(due, e => e.OrderId == "replay-race" && e.EventId == "evt-1");
    }

    [Fact]
    public async Task ReplayOfAbandonedDelivery_Due()
    {
        var tables = azurite.CreateTables();
        await tables.CreateIfNotExistsAsync(default);
        var outbox = new TableWebhookOutbox(tables, NullLogger<TableWebhookOutbox>.Instance);
        var t = TestOrders.Now;
        var abandoned = WebhookDelivery.Start("evt-1", t).Abandon("gave up", t.AddMinutes(1));
        Assert.NotNull(await outbox.TrySaveAsync("replay-seq", abandoned, null, default));
        var stored = (await outbox.FindVersionedAsync("replay-seq", "evt-1", default))!;
        Assert.NotNull(await outbox.TryReplayAsync("replay-seq", stored, t.AddHours(1), default));

        var due = new List<ScheduledWebhook>();
        await foreach (var entry in outbox.FindDueAsync(t.AddHours(1).AddMinutes(1), 100, default))
        {
            due.Add(entry);
        }

        Assert.Contains(due, e => e.OrderId == "replay-seq" && e.EventId == "evt-1");
    }

    /// <summary>Runs something (once) just before a delivery row is replaced (PUT on the webhooks table).</summary>
    private sealed class BeforeDeliveryReplace : HttpPipelinePolicy
    {
        public Func<Task>? Before { get; set; }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath);
            if (
                Before is { } before
                && message.Request.Method == RequestMethod.Put
                && path.Contains("webhooks(", StringComparison.Ordinal)
                && message.Request.Headers.TryGetValue("If-Match", out var match)
                && match != "*"
            )
            {
                Before = null;
                await before();
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessNext(message, pipeline);
    }
}
