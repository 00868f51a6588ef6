namespace Payments.Core.Orders;

/// <summary>
/// Orders in durable storage, with the indexes the store keeps beside them (due checks, what needs a person, providers'
/// numbers, children). Every write is a compare-and-swap on the stored version. The store reads and writes nothing
/// else: events an order raises are scheduled by <see cref="OutboxFirstOrderRepository"/> before it writes.
/// </summary>
public interface IOrderRepository
{
    /// <summary>The order with its version; null when no order has that id.</summary>
    Task<Versioned<PaymentOrder>?> FindAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>
    /// The HaiPay subscription HaiPay's account for <paramref name="currency"/> numbered
    /// <paramref name="subscriptionNo"/> (its <see cref="PaymentOrder.ProviderReference"/>), through an index the store
    /// writes with the order (point reads, never a scan); null when no subscription of that currency holds that number
    /// (each account numbers its own).
    /// </summary>
    Task<Versioned<PaymentOrder>?> FindHaiPaySubscriptionAsync(
        string currency,
        string subscriptionNo,
        CancellationToken cancellationToken
    );

    /// <summary>Adds the order; when one with that id exists, returns it instead (not added).</summary>
    Task<AddResult> AddAsync(PaymentOrder order, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="current"/> (the order as read, with its version) by <paramref name="order"/> if the
    /// stored version is still the one read; what it was tells the store which of its index rows no longer hold.
    /// </summary>
    /// <returns>The new version, or null when someone else changed the order first (or it does not exist).</returns>
    Task<string?> TryReplaceAsync(
        Versioned<PaymentOrder> current,
        PaymentOrder order,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// The orders whose <see cref="PaymentOrder.ParentOrderId"/> is <paramref name="parentId"/> (refunds, subscription
    /// charges).
    /// </summary>
    IAsyncEnumerable<PaymentOrder> FindChildrenAsync(string parentId, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="max"/> orders of <paramref name="provider"/> whose next check is at or before
    /// <paramref name="now"/>, each once, as read.
    /// </summary>
    IAsyncEnumerable<Versioned<PaymentOrder>> FindDueAsync(
        PaymentProvider provider,
        DateTimeOffset now,
        int max,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// The orders of <paramref name="provider"/> whose status or amounts changed on the UTC <paramref name="day"/>, in
    /// key order, those after <paramref name="after"/> (a key this returned; null from the start), read from an index
    /// the store writes with each such change (a page per request, never a scan of orders). An order may be listed
    /// for a day its write did not land on: the reader checks the order.
    /// </summary>
    IAsyncEnumerable<ChangedOrder> FindChangedAsync(
        PaymentProvider provider,
        DateOnly day,
        string? after,
        CancellationToken cancellationToken
    );
}

/// <summary>An order listed as changed on a day: its index key (to continue after) and its id.</summary>
public sealed record ChangedOrder(string Key, string OrderId);
