using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

public static class HaiPayOrderLookup
{
    /// <summary>
    /// The HaiPay order of <paramref name="kind"/> with that id; null when there is none (or it is another provider's
    /// or kind's).
    /// </summary>
    public static async Task<PaymentOrder?> FindHaiPayAsync(
        this IOrderRepository orders,
        string orderId,
        OrderKind kind,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(orders);
        return
            (await orders.FindAsync(orderId, cancellationToken))?.Value is { Provider: PaymentProvider.HaiPay } found
            && found.Kind == kind
            ? found
            : null;
    }
}
