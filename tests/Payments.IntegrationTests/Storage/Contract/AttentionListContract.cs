using System.Text.Json;
using Payments.Core.Audit;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage.Contract;

/// <summary>
/// What every <see cref="IAttentionList"/> answers over its order store and audit log: orders waiting for a person by
/// when they started and by reason, orders never accepted past an age, provider messages newest first within the audit
/// retention, pages continued after the last key read.
/// </summary>
public abstract class AttentionListContract(IStoreFactory factory) : StoreContract(factory)
{
    private static readonly DateTimeOffset Now = TestOrders.Now;

    [Fact]
    public async Task NeedsReview_OrdersWaitingForAPerson_ListedByWhenTheyStartedWaitingAndByReason()
    {
        var stores = await StoresAsync();
        await WriteAsync(stores, TestOrders.New("rv-b"), Accept, Review(ReviewReason.PartialCollection, 3));
        await WriteAsync(stores, TestOrders.New("rv-a"), Accept, Review(ReviewReason.ChecksExhausted, 2));
        await WriteAsync(stores, TestOrders.New("rv-pending"), Accept);

        var all = await ListAsync(stores, AttentionCategory.NeedsReview);
        var partial = await ListAsync(stores, AttentionCategory.NeedsReview, ReviewReason.PartialCollection.Name());

        Assert.Equal(["rv-a", "rv-b"], all.Select(i => i.OrderId));
        var first = all[0];
        Assert.Equal((Now.AddMinutes(2), ReviewReason.ChecksExhausted.Name()), (first.Since, first.Reason));
        Assert.Equal(("NeedsReview", PaymentProvider.HaiPay), (first.Status, first.Provider));
        Assert.Equal((12.50m, "USD"), (first.Amount, first.Currency));
        Assert.Equal(["rv-b"], partial.Select(i => i.OrderId));
    }

    [Fact]
    public async Task NeedsReview_ResolvedOrAcknowledged_NoLongerListed()
    {
        var stores = await StoresAsync();
        var resolve = (Func<PaymentOrder, Transition>)(o => o.Resolve(OrderStatus.Failed, null, Now.AddMinutes(3)));
        await WriteAsync(stores, TestOrders.New("rv-done"), Accept, Review(ReviewReason.ChecksExhausted, 2), resolve);
        var completed = Now.AddMinutes(4);
        await WriteAsync(
            stores,
            TestOrders.New("rv-flagged") with
            {
                Status = OrderStatus.Succeeded,
                ReviewReason = ReviewReason.AmountMismatch,
                CompletedAt = completed,
                UpdatedAt = completed,
            }
        );
        var flagged = await ListAsync(stores, AttentionCategory.NeedsReview);
        var stored = (await stores.Orders.FindAsync("rv-flagged", default))!;

        var acknowledged = stored.Value.Acknowledge("op@shop.example", Now.AddMinutes(5)).Order;
        Assert.NotNull(await stores.Orders.TryReplaceAsync(stored, acknowledged, default));

        var item = Assert.Single(flagged);
        Assert.Equal(("rv-flagged", completed, "Succeeded"), (item.OrderId, item.Since, item.Status));
        Assert.Empty(await ListAsync(stores, AttentionCategory.NeedsReview));
    }

    [Fact]
    public async Task Stale_CreatedOrUnknownOlderThanAsked_ListedOldestFirst()
    {
        var stores = await StoresAsync();
        var young = Now.AddMinutes(50);
        var unknown = (Func<PaymentOrder, Transition>)(o => o.MarkUnknown(ProviderText.Of("no answer"), null, Now));
        await WriteAsync(stores, TestOrders.New("st-unknown"), unknown);
        await WriteAsync(stores, TestOrders.New("st-created"));
        await WriteAsync(stores, TestOrders.New("st-accepted"), Accept);
        await WriteAsync(stores, TestOrders.New("st-young") with { CreatedAt = young, UpdatedAt = young });
        stores.Clock.Advance(TimeSpan.FromHours(1));

        var stale = await ListAsync(stores, AttentionCategory.Stale);

        Assert.Equal(["st-created", "st-unknown"], stale.Select(i => i.OrderId));
        Assert.All(stale, i => Assert.Equal(Now, i.Since));
        Assert.Equal(["Created", "Unknown"], stale.Select(i => i.Status));
    }

    [Fact]
    public async Task Stale_ManyOrders_PagesCoverEachOnceInOrder()
    {
        var stores = await StoresAsync();
        for (var i = 4; i >= 0; i--)
        {
            var at = Now.AddSeconds(i);
            await WriteAsync(stores, TestOrders.New($"pg-{i}") with { CreatedAt = at, UpdatedAt = at });
        }

        stores.Clock.Advance(TimeSpan.FromHours(1));
        var listed = new List<AttentionItem>();
        string? after = null;
        do
        {
            var query = new AttentionQuery(AttentionCategory.Stale, null, TimeSpan.FromMinutes(30), 2, after);
            var page = await stores.Attention.ListAsync(query, default);
            Assert.InRange(page.Items.Count, 1, 2);
            listed.AddRange(page.Items);
            after = page.Continuation is { } next ? Continuation.Decode(next) : null;
        } while (after is not null);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"pg-{i}"), listed.Select(i => i.OrderId));
    }

    [Fact]
    public async Task Messages_UnmatchedAndUnverified_NewestFirstWithWhatTheyNamed()
    {
        var stores = await StoresAsync();
        var haiPay = """{"orderId":"ghost-1","status":"1","amount":"12.50","currency":"USD"}""";
        await stores.Audit.RecordAsync(Unmatched(haiPay, Now.AddHours(-2)), default);
        var huaweiPinBody = """{"merchant_oid":"ghost-2","status":"ok","amount":1000}""";
        await stores.Audit.RecordAsync(Unmatched(huaweiPinBody, Now.AddHours(-1)), default);
        await stores.Audit.RecordAsync(Unmatched("{}", Now) with { OrderId = "known" }, default);
        var summary = UnverifiedSummary.Of(JsonDocument.Parse("{}").RootElement, "203.0.113.7", "signature").ToJson();
        var unverifiedRecord = new AuditRecord(null, AuditKinds.CallbackUnverified, summary, Now.AddHours(-1));
        await stores.Audit.RecordUnverifiedAsync(unverifiedRecord, default);

        var unmatched = await ListAsync(stores, AttentionCategory.UnmatchedCallbacks);
        var unverified = await ListAsync(stores, AttentionCategory.UnverifiedCallbacks);

        Assert.Equal(["ghost-2", "ghost-1"], unmatched.Select(i => i.OrderId));
        var (huaweiPin, fromHaiPay) = (unmatched[0], unmatched[1]);
        Assert.Equal(
            (PaymentProvider.HuaweiPin, "ok", 1000m),
            (huaweiPin.Provider, huaweiPin.Status, huaweiPin.Amount)
        );
        Assert.Null(huaweiPin.Currency);
        Assert.Equal(
            (PaymentProvider.HaiPay, 12.50m, "USD"),
            (fromHaiPay.Provider, fromHaiPay.Amount, fromHaiPay.Currency)
        );
        Assert.Equal(Now.AddHours(-2), fromHaiPay.Since);
        Assert.Equal("signed, but no order has this id", fromHaiPay.Detail?.Value);
        var detail = Assert.Single(unverified).Detail!.Value;
        const string Expected = "failed check: signature; 2 bytes from 203.0.113.7; sha256 ";
        Assert.StartsWith(Expected, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_PastTheRetentionOrPurged_NotListed()
    {
        var stores = await StoresAsync();
        foreach (var daysAgo in new[] { 401, 10, 1 })
        {
            var body = $$"""{"orderId":"ghost-{{daysAgo}}"}""";
            await stores.Audit.RecordAsync(Unmatched(body, Now.AddDays(-daysAgo)), default);
        }

        var listed = await ListAsync(stores, AttentionCategory.UnmatchedCallbacks);
        await stores.Audit.PurgeAsync(Now.AddDays(-5), default);
        var afterPurge = await ListAsync(stores, AttentionCategory.UnmatchedCallbacks);

        Assert.Equal(["ghost-1", "ghost-10"], listed.Select(i => i.OrderId));
        Assert.Equal(["ghost-1"], afterPurge.Select(i => i.OrderId));
    }

    private static Transition Accept(PaymentOrder order) =>
        order.Accept("ref-" + order.Id, TestLinks.Of("https://pay.example/" + order.Id), null, Now.AddMinutes(1));

    private static Func<PaymentOrder, Transition> Review(ReviewReason reason, int minutes) =>
        o => o.GiveUpChecking(reason, Now.AddMinutes(minutes));

    private static AuditRecord Unmatched(string payload, DateTimeOffset at) =>
        new(null, AuditKinds.CallbackUnmatched, payload, at);

    private static async Task<IReadOnlyList<AttentionItem>> ListAsync(
        StoreSet stores,
        AttentionCategory category,
        string? reason = null
    )
    {
        var query = new AttentionQuery(category, reason, TimeSpan.FromMinutes(30), 100, null);
        return (await stores.Attention.ListAsync(query, default)).Items;
    }

    /// <summary>
    /// Adds <paramref name="created"/>, then writes each change in turn as the service does: by compare-and-swap.
    /// </summary>
    private static async Task WriteAsync(
        StoreSet stores,
        PaymentOrder created,
        params Func<PaymentOrder, Transition>[] changes
    )
    {
        var stored = (await stores.Orders.AddAsync(created, default)).Order;
        foreach (var change in changes)
        {
            var next = change(stored.Value);
            Assert.Equal(TransitionKind.Changed, next.Kind);
            var version = await stores.Orders.TryReplaceAsync(stored, next.Order, default);
            stored = new Versioned<PaymentOrder>(next.Order, version!);
        }
    }
}
