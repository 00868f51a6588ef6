using System.Runtime.CompilerServices;
using Payments.Core.Orders;

namespace Payments.Testing.InMemory;

/// <summary>
/// <see cref="IOrderRepository"/> in memory, with the Table store's answers (proven by the storage contract tests):
/// every write a compare-and-swap on a version no other write ever had, a duplicate id answered with the stored order,
/// and the indexes (due checks, HaiPay numbers, children, what needs a person) derived from the orders themselves, so
/// they cannot drift from them. Thread-safe.
/// </summary>
public sealed class InMemoryOrderRepository : IOrderRepository
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Versioned<PaymentOrder>> orders = new(StringComparer.Ordinal);
    private readonly HashSet<(PaymentProvider Provider, DateOnly Day, string OrderId)> changed = [];

    public Task<Versioned<PaymentOrder>?> FindAsync(string orderId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(orders.GetValueOrDefault(orderId));
        }
    }

    public Task<Versioned<PaymentOrder>?> FindHaiPaySubscriptionAsync(
        string currency,
        string subscriptionNo,
        CancellationToken cancellationToken
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentException.ThrowIfNullOrEmpty(subscriptionNo);
        lock (gate)
        {
            return Task.FromResult(
                orders.Values.FirstOrDefault(o =>
                    o.Value is { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Subscription } subscription
                    && subscription.ProviderReference == subscriptionNo
                    && string.Equals(subscription.Currency, currency, StringComparison.OrdinalIgnoreCase)
                )
            );
        }
    }

    public Task<AddResult> AddAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (gate)
        {
            if (orders.TryGetValue(order.Id, out var existing))
            {
                return Task.FromResult(new AddResult(existing, Added: false));
            }

            var added = new Versioned<PaymentOrder>(order, InMemoryKeys.NewVersion());
            orders.Add(order.Id, added);
            if (order.Provider == PaymentProvider.HaiPay && ChangedOrders.Changes(null, order))
            {
                changed.Add((order.Provider, DateOnly.FromDateTime(order.UpdatedAt.UtcDateTime), order.Id));
            }

            return Task.FromResult(new AddResult(added, Added: true));
        }
    }

    public Task<string?> TryReplaceAsync(
        Versioned<PaymentOrder> current,
        PaymentOrder order,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(order);
        lock (gate)
        {
            if (!orders.TryGetValue(order.Id, out var stored) || stored.Version != current.Version)
            {
                return Task.FromResult<string?>(null);
            }

            var replaced = new Versioned<PaymentOrder>(order, InMemoryKeys.NewVersion());
            orders[order.Id] = replaced;
            if (order.Provider == PaymentProvider.HaiPay && ChangedOrders.Changes(stored.Value, order))
            {
                changed.Add((order.Provider, DateOnly.FromDateTime(order.UpdatedAt.UtcDateTime), order.Id));
            }

            return Task.FromResult<string?>(replaced.Version);
        }
    }

    public async IAsyncEnumerable<PaymentOrder> FindChildrenAsync(
        string parentId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await Task.Yield();
        foreach (var child in Snapshot().Where(o => o.ParentOrderId == parentId))
        {
            yield return child;
        }
    }

    public async IAsyncEnumerable<Versioned<PaymentOrder>> FindDueAsync(
        PaymentProvider provider,
        DateTimeOffset now,
        int max,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await Task.Yield();
        List<Versioned<PaymentOrder>> due;
        lock (gate)
        {
            due =
            [
                .. orders
                    .Values.Where(o => o.Value.Provider == provider && o.Value.NextCheckAt?.UtcTicks <= now.UtcTicks)
                    .OrderBy(o => o.Value.NextCheckAt)
                    .ThenBy(o => o.Value.Id, StringComparer.Ordinal)
                    .Take(max),
            ];
        }

        foreach (var order in due)
        {
            yield return order;
        }
    }

    public async IAsyncEnumerable<ChangedOrder> FindChangedAsync(
        PaymentProvider provider,
        DateOnly day,
        string? after,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await Task.Yield();
        List<ChangedOrder> found;
        lock (gate)
        {
            found =
            [
                .. changed
                    .Where(c => c.Provider == provider && c.Day == day)
                    .Select(c => new ChangedOrder(InMemoryKeys.Encode(c.OrderId), c.OrderId))
                    .Where(c => string.CompareOrdinal(c.Key, after ?? string.Empty) > 0)
                    .OrderBy(c => c.Key, StringComparer.Ordinal),
            ];
        }

        foreach (var order in found)
        {
            yield return order;
        }
    }

    /// <summary>Every order as it now is (what the in-memory attention list reads).</summary>
    internal IReadOnlyList<PaymentOrder> Snapshot()
    {
        lock (gate)
        {
            return [.. orders.Values.Select(o => o.Value)];
        }
    }
}
