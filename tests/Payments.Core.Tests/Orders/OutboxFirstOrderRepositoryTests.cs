using System.Diagnostics;
using Payments.Core.Orders;
using Payments.Testing.InMemory;

namespace Payments.Core.Tests.Orders;

/// <summary>
/// Every order write schedules the event it raises in the outbox before the order store writes the order, once per
/// event, stamped with the running trace (in-memory stores: the storage contract proves they answer as the tables do).
/// </summary>
public sealed class OutboxFirstOrderRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryOrderRepository store = new();
    private readonly InMemoryWebhookOutbox outbox = new();

    private OutboxFirstOrderRepository Orders => new(store, outbox);

    [Fact]
    public async Task TryReplace_RaisesAnEvent_DueInTheOutboxAtItsTime()
    {
        var pending = await PendingAsync("o1");

        var flagged = pending.Value.GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddMinutes(2)).Order;
        Assert.NotNull(await Orders.TryReplaceAsync(pending, flagged, default));

        var due = Assert.Single(await outbox.FindDueAsync(Now.AddMinutes(2), 10, default).ToListAsync());
        Assert.Equal(("o1", flagged.LastEvent!.Id, Now.AddMinutes(2)), (due.OrderId, due.EventId, due.DueAt));
    }

    [Fact]
    public async Task TryReplace_LosesTheRace_EventScheduledFirstButTheOrderNeverHoldsIt()
    {
        var pending = await PendingAsync("o1");
        Assert.NotNull(await Orders.TryReplaceAsync(pending, pending.Value with { Checks = 1 }, default));

        var flagged = pending.Value.GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddMinutes(2)).Order;
        Assert.Null(await Orders.TryReplaceAsync(pending, flagged, default));

        Assert.Single(await outbox.FindDueAsync(Now.AddMinutes(2), 10, default).ToListAsync());
        Assert.Null((await store.FindAsync("o1", default))!.Value.LastEvent);
    }

    [Fact]
    public async Task TryReplace_EventTheStoredOrderAlreadyHas_NotScheduledAgain()
    {
        var pending = await PendingAsync("o1");
        var flagged = pending.Value.GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddMinutes(2)).Order;
        var version = await Orders.TryReplaceAsync(pending, flagged, default);
        var scheduled = Assert.Single(await outbox.FindDueAsync(Now.AddMinutes(2), 10, default).ToListAsync());
        await outbox.ForgetDueAsync(scheduled, default);

        var stored = new Versioned<PaymentOrder>(flagged, version!);
        Assert.NotNull(await Orders.TryReplaceAsync(stored, flagged with { Checks = 3 }, default));

        Assert.True(flagged.HasNewEvent);
        Assert.Empty(await outbox.FindDueAsync(Now.AddDays(1), 10, default).ToListAsync());
    }

    [Fact]
    public async Task Add_RunningTrace_EventCarriesItsTraceParent()
    {
        var raised = PaymentOrder
            .Create(new NewOrder("o2", PaymentProvider.HaiPay, "fp", null), Now)
            .GiveUpChecking(ReviewReason.ChecksExhausted, Now)
            .Order;
        using var activity = new Activity("callback").SetIdFormat(ActivityIdFormat.W3C).Start();

        var added = await Orders.AddAsync(raised, default);

        Assert.Equal(activity.Id, added.Order.Value.LastEvent!.TraceParent);
        Assert.Equal(activity.Id, (await store.FindAsync("o2", default))!.Value.LastEvent!.TraceParent);
        Assert.Single(await outbox.FindDueAsync(Now, 10, default).ToListAsync());
    }

    [Fact]
    public async Task Add_RaisesNoEvent_NothingScheduled()
    {
        await PendingAsync("o3");

        Assert.Empty(await outbox.FindDueAsync(Now.AddDays(1), 10, default).ToListAsync());
    }

    private async Task<Versioned<PaymentOrder>> PendingAsync(string id)
    {
        var created = (
            await Orders.AddAsync(
                PaymentOrder.Create(new NewOrder(id, PaymentProvider.HaiPay, "fp", Now.AddHours(1)), Now),
                default
            )
        ).Order;
        var pending = created.Value.Accept("ref", null, Now.AddHours(1), Now.AddMinutes(1)).Order;
        return new Versioned<PaymentOrder>(pending, (await Orders.TryReplaceAsync(created, pending, default))!);
    }
}
