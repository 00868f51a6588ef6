using System.Diagnostics;
using Payments.Core.Webhooks;

namespace Payments.Core.Orders;

/// <summary>
/// The one path every order write takes (registered as the service's <see cref="IOrderRepository"/>): an event the
/// write raises is scheduled in the webhook outbox first, then the order store inserts or compare-and-swaps the order,
/// so an order never holds an event the outbox cannot find (an entry whose order write then fails is dropped by the
/// delivery job, which finds the order without it). The raised event carries the running trace's <c>traceparent</c>, so
/// the delivery that reports it joins that trace, and the notification's body is written then and scheduled with it
/// (without a <paramref name="bodies"/> writer, the delivery job writes it when it sends). Reads go straight to the
/// order store.
/// </summary>
public sealed class OutboxFirstOrderRepository(
    IOrderRepository store,
    IWebhookOutbox outbox,
    IWebhookBodyWriter? bodies = null
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

    public async Task<AddResult> AddAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var scheduled = await ScheduleAsync(order, null, cancellationToken);
        return await store.AddAsync(scheduled, cancellationToken);
    }

    public async Task<string?> TryReplaceAsync(
        Versioned<PaymentOrder> current,
        PaymentOrder order,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(order);
        var scheduled = await ScheduleAsync(order, current.Value.LastEvent, cancellationToken);
        return await store.TryReplaceAsync(current, scheduled, cancellationToken);
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
