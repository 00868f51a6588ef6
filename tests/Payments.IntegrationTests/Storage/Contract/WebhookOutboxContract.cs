using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Storage.Contract;

/// <summary>
/// What every <see cref="IWebhookOutbox"/> answers: events due from the time they are scheduled, delivery records by
/// compare-and-swap, entries that no longer hold dropped, abandoned deliveries paged and replayed, endpoints disabled.
/// </summary>
public abstract class WebhookOutboxContract(IStoreFactory factory) : StoreContract(factory)
{
    private static readonly DateTimeOffset At = TestOrders.Now;
    private static readonly IReadOnlyList<TimeSpan> Schedule = WebhookOptions.DefaultSchedule;

    [Fact]
    public async Task Schedule_EventDueFromItsTime_FoundWithNoDeliveryYet()
    {
        var outbox = (await StoresAsync()).Outbox;

        await outbox.ScheduleAsync("o-1", Raised("evt_1", At), null, default);

        Assert.Empty(await outbox.FindDueAsync(At.AddTicks(-1), 10, default).ToListAsync());
        var due = Assert.Single(await outbox.FindDueAsync(At, 10, default).ToListAsync());
        Assert.Equal(("o-1", "evt_1", At), (due.OrderId, due.EventId, due.DueAt));
        Assert.Null(due.Delivery);
    }

    [Fact]
    public async Task FindDue_MoreEntriesThanAPage_EveryEntryFoundOnce()
    {
        var outbox = (await StoresAsync()).Outbox;
        var ids = Enumerable.Range(0, 7).Select(i => $"page-{i}").ToList();
        foreach (var id in ids)
        {
            await outbox.ScheduleAsync(id, Raised("evt_" + id, At.AddSeconds(-ids.IndexOf(id))), null, default);
        }

        var due = await outbox.FindDueAsync(At, 2, default).Select(d => d.OrderId).ToListAsync();

        Assert.Equal(ids, due.Order());
    }

    [Fact]
    public async Task TrySave_NewDelivery_StoredOnceAndReadWithItsVersion()
    {
        var outbox = (await StoresAsync()).Outbox;
        var delivery = WebhookDelivery.Start("evt_1", At);

        var version = await outbox.TrySaveAsync("o-1", delivery, null, default);
        var again = await outbox.TrySaveAsync("o-1", delivery with { Attempts = 3 }, null, default);

        Assert.NotNull(version);
        Assert.Null(again);
        var stored = await outbox.FindVersionedAsync("o-1", "evt_1", default);
        Assert.Equal(new Versioned<WebhookDelivery>(delivery, version), stored);
        Assert.Equal(delivery, await outbox.FindAsync("o-1", "evt_1", default));
        Assert.Null(await outbox.FindAsync("o-1", "evt_2", default));
        Assert.Null(await outbox.FindVersionedAsync("o-2", "evt_1", default));
    }

    [Fact]
    public async Task TrySave_StaleVersion_NullAndStoredKept()
    {
        var outbox = (await StoresAsync()).Outbox;
        var delivery = WebhookDelivery.Start("evt_1", At);
        var first = (await outbox.TrySaveAsync("o-1", delivery, null, default))!;
        var claimed = delivery.Claim(Schedule, At)!;
        Assert.NotNull(await outbox.TrySaveAsync("o-1", claimed, first, default));

        var stale = await outbox.TrySaveAsync("o-1", delivery.Abandon("x", At), first, default);

        Assert.Null(stale);
        Assert.Equal(claimed, await outbox.FindAsync("o-1", "evt_1", default));
    }

    [Fact]
    public async Task TrySave_AttemptClaimed_DueAtItsRetryOnlyWithTheDelivery()
    {
        var outbox = (await StoresAsync()).Outbox;
        await outbox.ScheduleAsync("o-1", Raised("evt_1", At), null, default);
        var claimed = WebhookDelivery.Start("evt_1", At).Claim(Schedule, At)!;
        var version = await outbox.TrySaveAsync("o-1", claimed, null, default);

        var atEvent = await outbox.FindDueAsync(At, 10, default).ToListAsync();
        var atRetry = await outbox.FindDueAsync(claimed.NextAttemptAt, 10, default).ToListAsync();

        Assert.Empty(atEvent);
        var due = Assert.Single(atRetry);
        Assert.Equal((claimed.NextAttemptAt, version), (due.DueAt, due.Delivery?.Version));
        Assert.Equal(claimed, due.Delivery!.Value);
    }

    [Fact]
    public async Task Schedule_WithABody_DueEntryCarriesItAndTheDeliveryKeepsItThroughEveryAttempt()
    {
        var outbox = (await StoresAsync()).Outbox;
        const string Body = "{\"type\":\"order.succeeded\",\"data\":{\"orderId\":\"o-1\",\"note\":\"caf\u00e9\"}}";
        await outbox.ScheduleAsync("o-1", Raised("evt_1", At), Body, default);

        var scheduled = Assert.Single(await outbox.FindDueAsync(At, 10, default).ToListAsync());
        var claimed = WebhookDelivery.Start("evt_1", At, scheduled.Body).Claim(Schedule, At)!;
        var version = await outbox.TrySaveAsync("o-1", claimed, null, default);
        var failed = claimed.Fail(500, "HTTP 500", Schedule, At);
        Assert.NotNull(await outbox.TrySaveAsync("o-1", failed, version, default));

        Assert.Equal(Body, scheduled.Body);
        var retry = Assert.Single(await outbox.FindDueAsync(claimed.NextAttemptAt, 10, default).ToListAsync());
        Assert.Equal(Body, retry.Delivery!.Value.Body);
        Assert.Equal(failed, await outbox.FindAsync("o-1", "evt_1", default));
    }

    [Fact]
    public async Task Schedule_WithoutABody_NoneFoundOrKept()
    {
        var outbox = (await StoresAsync()).Outbox;
        await outbox.ScheduleAsync("o-1", Raised("evt_1", At), null, default);

        var scheduled = Assert.Single(await outbox.FindDueAsync(At, 10, default).ToListAsync());
        var claimed = WebhookDelivery.Start("evt_1", At, scheduled.Body).Claim(Schedule, At)!;
        await outbox.TrySaveAsync("o-1", claimed, null, default);

        Assert.Null(scheduled.Body);
        Assert.Null((await outbox.FindAsync("o-1", "evt_1", default))!.Body);
    }

    [Fact]
    public async Task TrySave_Delivered_NoLongerDue()
    {
        var outbox = (await StoresAsync()).Outbox;
        await outbox.ScheduleAsync("o-1", Raised("evt_1", At), null, default);
        var claimed = WebhookDelivery.Start("evt_1", At).Claim(Schedule, At)!;
        var version = await outbox.TrySaveAsync("o-1", claimed, null, default);

        Assert.NotNull(await outbox.TrySaveAsync("o-1", claimed.Succeed(200, At), version, default));

        Assert.Empty(await outbox.FindDueAsync(At.AddDays(3), 10, default).ToListAsync());
    }

    [Fact]
    public async Task ForgetDue_EntryTheCallerFoundStale_NotFoundAgain()
    {
        var outbox = (await StoresAsync()).Outbox;
        await outbox.ScheduleAsync("o-1", Raised("evt_1", At), null, default);
        await outbox.ScheduleAsync("o-2", Raised("evt_2", At), null, default);
        var due = await outbox.FindDueAsync(At, 10, default).ToListAsync();

        await outbox.ForgetDueAsync(due.Single(d => d.OrderId == "o-1"), default);

        Assert.Equal(["o-2"], await outbox.FindDueAsync(At, 10, default).Select(d => d.OrderId).ToListAsync());
    }

    [Fact]
    public async Task Endpoint_DisabledThenEnabled_AnsweredEachTime()
    {
        var outbox = (await StoresAsync()).Outbox;
        var endpoint = new Uri("https://merchant.example/webhooks");

        Assert.False(await outbox.EnableAsync(endpoint, default));
        Assert.Null(await outbox.DisabledAtAsync(endpoint, default));
        await outbox.DisableAsync(endpoint, At, default);

        Assert.True(await outbox.IsDisabledAsync(endpoint, default));
        Assert.False(await outbox.IsDisabledAsync(new Uri("https://other.example/webhooks"), default));
        Assert.Equal(At, await outbox.DisabledAtAsync(endpoint, default));
        Assert.True(await outbox.EnableAsync(endpoint, default));
        Assert.False(await outbox.IsDisabledAsync(endpoint, default));
        Assert.False(await outbox.EnableAsync(endpoint, default));
    }

    [Fact]
    public async Task ListAbandoned_ManyAbandoned_OldestFirstPagesCoverEachOnce()
    {
        var outbox = (await StoresAsync()).Outbox;
        for (var i = 4; i >= 0; i--)
        {
            await AbandonAsync(outbox, $"ab-{i}", At.AddSeconds(i));
        }

        var listed = new List<AbandonedDelivery>();
        string? after = null;
        do
        {
            var page = await outbox.ListAbandonedAsync(2, after, default);
            Assert.InRange(page.Items.Count, 0, 2);
            listed.AddRange(page.Items);
            after = page.Continuation is { } next ? Continuation.Decode(next) : null;
        } while (after is not null);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"ab-{i}"), listed.Select(a => a.OrderId));
        Assert.All(listed, a => Assert.Equal(WebhookDeliveryState.Abandoned, a.Delivery.State));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => outbox.ListAbandonedAsync(0, null, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => outbox.ListAbandonedAsync(1000, null, default));
    }

    [Fact]
    public async Task ListAbandoned_ForgottenOrReplayed_NotListedAndReplayedDueAgain()
    {
        var outbox = (await StoresAsync()).Outbox;
        await AbandonAsync(outbox, "forgotten", At);
        await AbandonAsync(outbox, "replayed", At.AddSeconds(1));
        var listed = (await outbox.ListAbandonedAsync(10, null, default)).Items;
        await outbox.ForgetAbandonedAsync(listed.Single(a => a.OrderId == "forgotten"), default);
        var abandoned = (await outbox.FindVersionedAsync("replayed", "evt_replayed", default))!;
        var later = At.AddMinutes(5);

        var replayed = await outbox.TryReplayAsync("replayed", abandoned, later, default);
        var again = await outbox.TryReplayAsync("replayed", abandoned, later, default);

        Assert.NotNull(replayed);
        Assert.Null(again);
        Assert.Empty((await outbox.ListAbandonedAsync(10, null, default)).Items);
        var due = Assert.Single(await outbox.FindDueAsync(later, 10, default).ToListAsync());
        var delivery = due.Delivery!.Value;
        Assert.Equal(("replayed", WebhookDeliveryState.Pending, 0), (due.OrderId, delivery.State, delivery.Attempts));
        var forgotten = await outbox.FindAsync("forgotten", "evt_forgotten", default);
        Assert.Equal(WebhookDeliveryState.Abandoned, forgotten!.State);
    }

    [Fact]
    public async Task ListAbandoned_DeliveryNoLongerAbandoned_RowDroppedNotListed()
    {
        var outbox = (await StoresAsync()).Outbox;
        var version = await AbandonAsync(outbox, "back", At);
        var pending = WebhookDelivery.Start("evt_back", At.AddMinutes(1));
        Assert.NotNull(await outbox.TrySaveAsync("back", pending, version, default));

        Assert.Empty((await outbox.ListAbandonedAsync(10, null, default)).Items);
    }

    private static OrderEvent Raised(string id, DateTimeOffset at) =>
        new(id, "order.succeeded", OrderStatus.Succeeded, at);

    /// <summary>
    /// A delivery of event <c>evt_{orderId}</c> whose every attempt failed, abandoned at <paramref name="at"/>.
    /// </summary>
    private static async Task<string> AbandonAsync(IWebhookOutbox outbox, string orderId, DateTimeOffset at)
    {
        var delivery = WebhookDelivery.Start("evt_" + orderId, at) with { Attempts = 8, LastStatusCode = 500 };
        return (await outbox.TrySaveAsync(orderId, delivery.Abandon("HTTP 500", at), null, default))!;
    }
}
