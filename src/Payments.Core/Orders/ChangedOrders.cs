namespace Payments.Core.Orders;

/// <summary>Which writes list an order as changed on their day (what reconciliation compares with the provider).</summary>
public static class ChangedOrders
{
    /// <summary>A new order, or one whose status or amounts (ordered, received, fee) changed.</summary>
    public static bool Changes(PaymentOrder? before, PaymentOrder after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return before is null
            || before.Status != after.Status
            || before.Amount != after.Amount
            || before.ReceivedAmount != after.ReceivedAmount
            || before.Fee != after.Fee;
    }
}
