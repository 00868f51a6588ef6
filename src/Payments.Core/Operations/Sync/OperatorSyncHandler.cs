using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.Orders;

namespace Payments.Core.Operations.Sync;

/// <summary>
/// <c>ops/sync</c>: asks HaiPay about one order now and applies its verified answer as the poller would (through
/// <see cref="HaiPayChecker"/>, by compare-and-swap), or runs one poll cycle. Who asked is recorded before the provider
/// is asked (an unknown order, or one without a status query, asks nothing and records nothing).
/// </summary>
public sealed class OperatorSyncHandler(
    IOrderRepository orders,
    HaiPayChecker checker,
    HaiPayPoller poller,
    OperatorRecords records,
    TimeProvider time
)
{
    private const string RecordKind = AuditKinds.OperatorSync;

    public async Task<OperatorSyncResult> HandleAsync(OperatorSyncCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.OrderId is null)
        {
            var at = await RecordAsync(command, "poll-cycle", cancellationToken);
            var polled = await poller.RunOnceAsync(cancellationToken);
            await records.RecordOutcomeAsync(null, RecordKind, at, null, cancellationToken);
            return new OperatorSyncResult.Polled(polled);
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

        var now = await RecordAsync(command, "order", cancellationToken);
        var checkedOrder = await checker.CheckAsync(order.Value, scheduled: false, cancellationToken);
        await records.RecordOutcomeAsync(command.OrderId, RecordKind, now, null, cancellationToken);
        return new OperatorSyncResult.Checked(checkedOrder.Order);
    }

    private async Task<DateTimeOffset> RecordAsync(
        OperatorSyncCommand command,
        string scope,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var fields = new Dictionary<string, object?> { ["scope"] = scope };
        await records.RecordAttemptAsync(command.OrderId, RecordKind, command.By, fields, now, cancellationToken);
        return now;
    }
}
