namespace Payments.Core.Orders;

/// <summary>Orders in durable storage. Every write is a compare-and-swap on the stored version.</summary>
public interface IOrderRepository
{
    Task<Versioned<PaymentOrder>?> FindAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>
    /// The HaiPay subscription HaiPay's account for <paramref name="currency"/> numbered <paramref name="subscriptionNo"/> (its
    /// <see cref="PaymentOrder.ProviderReference"/>), through an index the store writes with the order (point reads, never a
    /// scan); null when no subscription of that currency holds that number (each account numbers its own).
    /// </summary>
    Task<Versioned<PaymentOrder>?> FindHaiPaySubscriptionAsync(string currency, string subscriptionNo, CancellationToken cancellationToken);

    /// <summary>Adds the order; when one with that id exists, returns it instead.</summary>
    Task<AddResult> AddAsync(PaymentOrder order, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="current"/> (the order as read, with its version) by <paramref name="order"/> if the stored
    /// version is still the one read; what it was tells the store which of its index rows no longer hold.
    /// </summary>
    /// <returns>The new version, or null when someone else changed the order first.</returns>
    Task<string?> TryReplaceAsync(Versioned<PaymentOrder> current, PaymentOrder order, CancellationToken cancellationToken);

    /// <summary>The orders whose <see cref="PaymentOrder.ParentOrderId"/> is <paramref name="parentId"/> (refunds, subscription charges).</summary>
    IAsyncEnumerable<PaymentOrder> FindChildrenAsync(string parentId, CancellationToken cancellationToken);

    /// <summary>Orders of <paramref name="provider"/> whose next check is at or before <paramref name="now"/>, as read.</summary>
    IAsyncEnumerable<Versioned<PaymentOrder>> FindDueAsync(PaymentProvider provider, DateTimeOffset now, int max, CancellationToken cancellationToken);
}
