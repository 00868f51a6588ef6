using Azure;
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
using Payments.Core.Text;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.Storage.Contract;

namespace Payments.IntegrationTests.Operations;

/// <summary>
/// A final order flagged for a person is keyed in the attention table by its final event's time, so the rows of a
/// flag, its acknowledgement and a later flag of the same order have the same keys. A row that is deleted "because the
/// order no longer holds it" (the acknowledgement's own clean-up, or a listing that read the acknowledged order) must
/// never be deleted after a contradiction wrote the very same row again for the new flag: the re-flagged order would
/// then await acknowledgement with no row, and no later write puts it back.
/// </summary>
public sealed class ReflaggedFinalOrderListingTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static readonly AttentionQuery NeedsReview = new(
        AttentionCategory.NeedsReview,
        null,
        TimeSpan.Zero,
        100,
        null
    );

    [Fact]
    public async Task ContradictionDuringAcknowledgement_ReflaggedFinalOrderStillListed()
    {
        var (plain, hook, reader, writer, clock) = await StoresAsync();
        var attention = List(plain, reader, clock);
        var acknowledged = await AcknowledgeSetupAsync(reader, writer, "reflag-ack");

        // The acknowledgement's order write lands; before any clean-up of the old rows (or right after the write, when
        // the write deletes none), a signed failure arrives for the Succeeded order and flags it again (same final
        // event, so the same row keys).
        hook.BeforeAttentionDelete = () => ReflagAsync(reader, "reflag-ack", clock.GetUtcNow());
        Assert.NotNull(await writer.TryReplaceAsync(acknowledged.Seen, acknowledged.Next, default));
        if (hook.BeforeAttentionDelete is { } contradiction)
        {
            hook.BeforeAttentionDelete = null;
            await contradiction();
        }

        var stored = (await reader.FindAsync("reflag-ack", default))!.Value;
        Assert.True(stored.AwaitsAcknowledgement, "the contradiction flagged the order again");
        var page = await attention.ListAsync(NeedsReview, default);
        Assert.Contains(page.Items, item => item.OrderId == "reflag-ack");
    }

    [Fact]
    public async Task ContradictionAfterAcknowledgement_ReflaggedFinalOrderListed()
    {
        var (plain, _, reader, writer, clock) = await StoresAsync();
        var acknowledged = await AcknowledgeSetupAsync(reader, writer, "reflag-seq");
        Assert.NotNull(await writer.TryReplaceAsync(acknowledged.Seen, acknowledged.Next, default));
        await ReflagAsync(reader, "reflag-seq", clock.GetUtcNow());

        var page = await List(plain, reader, clock).ListAsync(NeedsReview, default);
        Assert.Contains(page.Items, item => item.OrderId == "reflag-seq");
    }

    [Fact]
    public async Task ListingDropsAcknowledgedRowWhileContradictionRewritesIt_ReflaggedFinalOrderStillListed()
    {
        var (plain, hook, reader, writer, clock) = await StoresAsync();

        // The acknowledgement's clean-up failed (as the store allows: the listing drops the row when it reads it).
        var acknowledged = await AcknowledgeSetupAsync(reader, writer, "reflag-list");
        hook.FailAttentionDeletes = true;
        Assert.NotNull(await writer.TryReplaceAsync(acknowledged.Seen, acknowledged.Next, default));
        hook.FailAttentionDeletes = false;

        // A listing reads the left row and the acknowledged order; before its drop lands, a contradiction re-flags.
        var hookedList = List(writer.Tables, reader, clock);
        hook.BeforeAttentionDelete = () => ReflagAsync(reader, "reflag-list", clock.GetUtcNow());
        await hookedList.ListAsync(NeedsReview, default);

        var stored = (await reader.FindAsync("reflag-list", default))!.Value;
        Assert.True(stored.AwaitsAcknowledgement, "the contradiction flagged the order again");
        var page = await List(plain, reader, clock).ListAsync(NeedsReview, default);
        Assert.Contains(page.Items, item => item.OrderId == "reflag-list");
    }

    private async Task<(
        PaymentTables Plain,
        Hook Hook,
        TableOrderRepository Reader,
        HookedRepository Writer,
        FakeTimeProvider Clock
    )> StoresAsync()
    {
        var prefix = TablePrefix.New();
        var timeout = new StorageOptions().Timeout;
        var plain = new PaymentTables(azurite.CreateService(), prefix, timeout);
        await plain.CreateIfNotExistsAsync(default);
        var hook = new Hook();
        var options = StorageClient.Options(timeout);
        options.AddPolicy(hook, HttpPipelinePosition.PerRetry);
        var hooked = new PaymentTables(azurite.CreateService(options), prefix, timeout);
        var reader = new TableOrderRepository(plain, NullLogger<TableOrderRepository>.Instance);
        var writer = new HookedRepository(hooked);
        return (plain, hook, reader, writer, new FakeTimeProvider(TestOrders.Now.AddHours(1)));
    }

    private static TableAttentionList List(PaymentTables tables, IOrderRepository orders, TimeProvider clock) =>
        new(
            tables,
            orders,
            new FixedOptions<AuditOptions>(new AuditOptions()),
            clock,
            NullLogger<TableAttentionList>.Instance
        );

    /// <summary>
    /// A HaiPay order that failed, then got a signed success (succeeded-after-failure, awaiting acknowledgement), and
    /// the acknowledgement of it (not yet written), all well past the in-flight grace.
    /// </summary>
    private static async Task<(Versioned<PaymentOrder> Seen, PaymentOrder Next)> AcknowledgeSetupAsync(
        TableOrderRepository reader,
        HookedRepository writer,
        string id
    )
    {
        var t = TestOrders.Now;
        var added = (await writer.Repository.AddAsync(TestOrders.New(id), default)).Order;
        await Step(writer, added, o => o.Accept("ref", null, t.AddMinutes(1), t.AddMinutes(1)).Order);
        await Step(writer, (await reader.FindAsync(id, default))!, o =>
            o.Apply(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), null), t.AddMinutes(2)).Order
        );
        await Step(writer, (await reader.FindAsync(id, default))!, o =>
            o.Apply(new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), null), t.AddMinutes(3)).Order
        );
        var late = (await reader.FindAsync(id, default))!;
        Assert.True(late.Value.AwaitsAcknowledgement);
        var ack = late.Value.Acknowledge("alice@shop.example", t.AddMinutes(30)).Order;
        return (late, ack);
    }

    private static async Task Step(
        HookedRepository writer,
        Versioned<PaymentOrder> seen,
        Func<PaymentOrder, PaymentOrder> f
    )
    {
        Assert.NotNull(await writer.Repository.TryReplaceAsync(seen, f(seen.Value), default));
    }

    /// <summary>A signed failure for the Succeeded order: refused, and the order flagged again for a person.</summary>
    private static async Task ReflagAsync(TableOrderRepository store, string id, DateTimeOffset now)
    {
        var current = (await store.FindAsync(id, default))!;
        var transition = current.Value.Apply(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), null), now);
        Assert.NotNull(transition.Flagged);
        Assert.NotNull(await store.TryReplaceAsync(current, transition.Flagged, default));
    }

    private sealed class HookedRepository(PaymentTables tables)
    {
        public PaymentTables Tables { get; } = tables;
        public TableOrderRepository Repository { get; } = new(tables, NullLogger<TableOrderRepository>.Instance);

        public Task<string?> TryReplaceAsync(
            Versioned<PaymentOrder> seen,
            PaymentOrder next,
            CancellationToken cancellationToken
        ) => Repository.TryReplaceAsync(seen, next, cancellationToken);
    }

    /// <summary>Runs something (once) just before a delete on the attention table; or fails such deletes.</summary>
    private sealed class Hook : HttpPipelinePolicy
    {
        public Func<Task>? BeforeAttentionDelete { get; set; }
        public bool FailAttentionDeletes { get; set; }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath);
            if (message.Request.Method == RequestMethod.Delete && path.Contains("attention(", StringComparison.Ordinal))
            {
                if (FailAttentionDeletes)
                {
                    throw new RequestFailedException(503, "injected: attention delete fails");
                }

                if (BeforeAttentionDelete is { } before)
                {
                    BeforeAttentionDelete = null;
                    await before();
                }
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessNext(message, pipeline);
    }
}
