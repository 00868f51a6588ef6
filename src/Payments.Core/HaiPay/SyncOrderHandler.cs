using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>What asking the provider about an order now came to.</summary>
public abstract record SyncOrderResult
{
    private SyncOrderResult() { }

    /// <summary>No order has the id.</summary>
    public sealed record NotFound : SyncOrderResult;

    /// <summary>
    /// The order's provider publishes no status query (HUAWEIPIN: its callback is the only source of truth).
    /// </summary>
    public sealed record NoQuery : SyncOrderResult;

    /// <summary>The provider was asked; <paramref name="Order"/> is the order with its answer applied.</summary>
    public sealed record Checked(PaymentOrder Order) : SyncOrderResult;
}

/// <summary>The merchant's "ask the provider now": one HaiPay query, its answer applied as the poller would.</summary>
public sealed class SyncOrderHandler(IOrderRepository orders, HaiPayChecker checker)
{
    public async Task<SyncOrderResult> HandleAsync(string orderId, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order is null)
        {
            return new SyncOrderResult.NotFound();
        }

        if (order.Value.Provider != PaymentProvider.HaiPay)
        {
            return new SyncOrderResult.NoQuery();
        }

        var checkedOrder = await checker.CheckAsync(order.Value, scheduled: false, cancellationToken);
        return new SyncOrderResult.Checked(checkedOrder.Order);
    }
}
