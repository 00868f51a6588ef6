using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Payments.Azure;
using Payments.Azure.Operations;
using Payments.Azure.Orders;
using Payments.Azure.Tables;
using Payments.Core.Audit;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Storage.Contract;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// The order store writes an order's attention row before the order row. An operator's listing that reads the new row
/// in between finds the order without it and deletes it; the order write then lands NeedsReview, and because each later
/// write skips a row "the previous state already has", the row is never written again.
/// </summary>
public sealed class AttentionIndexRaceTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task ListingBetweenAttentionRowAndOrderWrite_FlaggedOrderStillListedForAPerson()
    {
        var prefix = TablePrefix.New();
        var timeout = new StorageOptions().Timeout;
        var plain = new PaymentTables(azurite.CreateService(), prefix, timeout);
        await plain.CreateIfNotExistsAsync(default);
        var hook = new BeforeOrderWrite();
        var options = StorageClient.Options(timeout);
        options.AddPolicy(hook, HttpPipelinePosition.PerRetry);
        var hooked = new PaymentTables(azurite.CreateService(options), prefix, timeout);
        var reader = new TableOrderRepository(plain, NullLogger<TableOrderRepository>.Instance);
        var writer = new TableOrderRepository(hooked, NullLogger<TableOrderRepository>.Instance);
        var clock = new FakeTimeProvider(TestOrders.Now.AddMinutes(5));
        var attention = new TableAttentionList(
            plain,
            reader,
            new FixedOptions<AuditOptions>(new AuditOptions()),
            clock,
            NullLogger<TableAttentionList>.Instance
        );
        var needsReview = new AttentionQuery(AttentionCategory.NeedsReview, null, TimeSpan.Zero, 100, null);

        var added = (await writer.AddAsync(TestOrders.New("race-review"), default)).Order;
        var pending = added.Value.Accept("ref", null, TestOrders.Now.AddMinutes(1), TestOrders.Now.AddMinutes(1)).Order;
        Assert.NotNull(await writer.TryReplaceAsync(added, pending, default));
        var current = (await reader.FindAsync("race-review", default))!;
        var flagged = current.Value.GiveUpChecking(ReviewReason.ChecksExhausted, TestOrders.Now.AddMinutes(2)).Order;
        Assert.Equal(OrderStatus.NeedsReview, flagged.Status);

        // An operator opens the needs-review list while the flag is being written.
        hook.Before = () => attention.ListAsync(needsReview, default);
        Assert.NotNull(await writer.TryReplaceAsync(current, flagged, default));
        hook.Before = null;

        // Later verified words that keep it NeedsReview are written as usual.
        var stored = (await reader.FindAsync("race-review", default))!;
        Assert.Equal(OrderStatus.NeedsReview, stored.Value.Status);
        var noted = stored.Value with { LastError = Payments.Core.Text.ProviderText.Of("a later note") };
        Assert.NotNull(await writer.TryReplaceAsync(stored, noted, default));

        var page = await attention.ListAsync(needsReview, default);
        Assert.Contains(page.Items, item => item.OrderId == "race-review");
    }

    /// <summary>Runs something (once) just before the order row itself is replaced.</summary>
    private sealed class BeforeOrderWrite : HttpPipelinePolicy
    {
        public Func<Task>? Before { get; set; }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath);
            if (
                Before is { } before
                && message.Request.Method == RequestMethod.Put
                && path.Contains("orders(", StringComparison.Ordinal)
                && path.EndsWith("RowKey='order')", StringComparison.Ordinal)
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
