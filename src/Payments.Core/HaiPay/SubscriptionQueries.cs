using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// A HaiPay subscription as stored, or as HaiPay's <c>subscription/query</c> leaves it when asked to refresh.
/// </summary>
public sealed class SubscriptionQueries(IOrderRepository orders, HaiPayChecker checker)
{
    /// <returns>
    /// Null when there is no HaiPay subscription with that id; with <paramref name="refresh"/>, after asking HaiPay.
    /// </returns>
    public async Task<PaymentOrder?> FindAsync(string subscriptionId, bool refresh, CancellationToken cancellationToken)
    {
        var subscription = await orders.FindHaiPayAsync(subscriptionId, OrderKind.Subscription, cancellationToken);
        return refresh && subscription is not null && !subscription.Status.IsFinal()
            ? (await checker.CheckAsync(subscription, scheduled: false, cancellationToken)).Order
            : subscription;
    }
}
