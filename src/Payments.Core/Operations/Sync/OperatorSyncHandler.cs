using Payments.Core.HaiPay;
using Payments.Core.Orders;

namespace Payments.Core.Operations.Sync;

/// <summary>
/// <c>ops/sync</c>: asks HaiPay about one order now and applies its verified answer as the poller would (through
/// <see cref="HaiPayChecker"/>, by compare-and-swap), or runs one poll cycle.
/// </summary>
public sealed class OperatorSyncHandler(IOrderRepository orders, HaiPayChecker checker, HaiPayPoller poller)
{
    public async Task<OperatorSyncResult> HandleAsync(OperatorSyncCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.OrderId is null)
        {
            return new OperatorSyncResult.Polled(await poller.RunOnceAsync(cancellationToken));
        }

        var order = await orders.FindAsync(command.OrderId, cancellationToken);
        if (order is null)
        {
            return new OperatorSyncResult.OrderNotFound();
        }

        if (order.Value.Provider != PaymentProvider.HaiPay)
        {
            return new OperatorSyncResult.NoStatusQuery();
        }

        var checkedOrder = await checker.CheckAsync(order.Value, scheduled: false, cancellationToken);
        return new OperatorSyncResult.Checked(checkedOrder.Order);
    }
}
