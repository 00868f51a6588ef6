using System.Diagnostics;
using Payments.Core.Ledger;
using Payments.Core.Webhooks;

namespace Payments.Core.Orders;

/// <summary>
/// The one path every order write takes (registered as the service's <see cref="IOrderRepository"/>): an event the
/// write raises is scheduled in the webhook outbox first, then the order store inserts or compare-and-swaps the order,
/// so an order never holds an event the outbox cannot find (an entry whose order write then fails is dropped by the
/// delivery job, which finds the order without it). The raised event carries the running trace's <c>traceparent</c>, so
/// the delivery that reports it joins that trace, and the notification's body is written then and scheduled with it
/// (without a <paramref name="bodies"/> writer, the delivery job writes it when it sends). A write that moves or flags
/// money (<see cref="LedgerEntries.For"/>) writes its ledger entry before the order too, the order keeping the entry's
/// mark, and confirms the entry once the order write landed. Reads go straight to the order store.
/// </summary>
public sealed class OutboxFirstOrderRepository(
    IOrderRepository store,
    IWebhookOutbox outbox,
    IWebhookBodyWriter? bodies = null,
    ILedger? ledger = null
) : IOrderRepository
{
    public Task<Versioned<PaymentOrder>?> FindAsync(string orderId, CancellationToken cancellationToken) =>
        store.FindAsync(orderId, cancellationToken);

    public Task<Versioned<PaymentOrder>?> FindHaiPaySubscriptionAsync(
        string currency,
        string subscriptionNo,
        CancellationToken cancellationToken
    ) => store.FindHaiPaySubscriptionAsync(currency, subscriptionNo, cancellationToken);

    public IAsyncEnumerable<PaymentOrder> FindChildrenAsync(string parentId, CancellationToken cancellationToken) =>
        store.FindChildrenAsync(parentId, cancellationToken);

    public IAsyncEnumerable<Versioned<PaymentOrder>> FindDueAsync(
        PaymentProvider provider,
        DateTimeOffset now,
        int max,
        CancellationToken cancellationToken
    ) => store.FindDueAsync(provider, now, max, cancellationToken);

    public IAsyncEnumerable<ChangedOrder> FindChangedAsync(
        PaymentProvider provider,
        DateOnly day,
        string? after,
        CancellationToken cancellationToken
    ) => store.FindChangedAsync(provider, day, after, cancellationToken);

    public async Task<AddResult> AddAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var (entry, marked) = await RecordAsync(null, order, cancellationToken);
        var scheduled = await ScheduleAsync(marked, null, cancellationToken);
        var added = await store.AddAsync(scheduled, cancellationToken);
        if (added.Added)
        {
            await ConfirmAsync(entry, cancellationToken);
        }

        return added;
    }

    public async Task<string?> TryReplaceAsync(
        Versioned<PaymentOrder> current,
        PaymentOrder order,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(order);
        var (entry, marked) = await RecordAsync(current.Value, order, cancellationToken);
        var scheduled = await ScheduleAsync(marked, current.Value.LastEvent, cancellationToken);
        var version = await store.TryReplaceAsync(current, scheduled, cancellationToken);
        if (version is not null)
        {
            await ConfirmAsync(entry, cancellationToken);
        }

        return version;
    }

    /// <summary>
    /// Writes the ledger entry the change makes, if any, and returns the order keeping its mark.
    /// </summary>
    private async Task<(LedgerEntry? Entry, PaymentOrder Order)> RecordAsync(
        PaymentOrder? before,
        PaymentOrder order,
        CancellationToken cancellationToken
    )
    {
        if (ledger is null || LedgerEntries.For(before, order) is not { } entry)
        {
            return (null, order);
        }

        await ledger.WriteAsync(entry, cancellationToken);
        return (entry, LedgerEntries.Marked(order, entry));
    }

    /// <summary>
    /// Confirms a written entry. Best effort: one left unconfirmed is confirmed by the reader that finds its order
    /// keeping its mark.
    /// </summary>
    private async Task ConfirmAsync(LedgerEntry? entry, CancellationToken cancellationToken)
    {
        if (ledger is null || entry is null)
        {
            return;
        }

        try
        {
            await ledger.ConfirmAsync(entry, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // Left for the reader: the order holds the mark, so the entry counts either way.
        }
    }

    /// <summary>
    /// Schedules the event <paramref name="order"/> raises, stamped with the running trace, with the body of its
    /// notification; nothing when it raises none
    /// or the event is the one the stored order already had (scheduled by the write that raised it).
    /// </summary>
    private async Task<PaymentOrder> ScheduleAsync(
        PaymentOrder order,
        OrderEvent? had,
        CancellationToken cancellationToken
    )
    {
        if (!order.HasNewEvent || order.LastEvent!.Id == had?.Id)
        {
            return order;
        }

        var raised =
            order.LastEvent.TraceParent is null
            && Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent }
                ? order.LastEvent with
                {
                    TraceParent = traceParent,
                }
                : order.LastEvent;
        var scheduled = order with { LastEvent = raised };
        await outbox.ScheduleAsync(order.Id, raised, bodies?.Write(scheduled), cancellationToken);
        return scheduled;
    }
}
