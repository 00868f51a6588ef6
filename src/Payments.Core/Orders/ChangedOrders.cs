namespace Payments.Core.Orders;

/// <summary>
/// Which writes list an order as changed on their day (what reconciliation compares with the provider): one that
/// moves it out of the open states (final, waiting for a person, active, canceled) or changes its amounts (ordered,
/// received, fee). Created, Pending and Unknown are the provider's "not yet": an order still open is asked about
/// once it is older than the stale limit instead.
/// </summary>
public static class ChangedOrders
{
    public static bool Changes(PaymentOrder? before, PaymentOrder after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var settled = !OrderStatusExtensions.IsOpen(after.Status) && before?.Status != after.Status;
        return settled
            || (
                before is not null
                && (
                    before.Amount != after.Amount
                    || before.ReceivedAmount != after.ReceivedAmount
                    || before.Fee != after.Fee
                )
            );
    }
}
