using System.Globalization;
using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>
/// Rows of the <c>reconciliation</c> table the order store owns: partition <c>c-{provider}-{yyyyMMdd}</c> (the UTC day
/// of the write), RowKey the encoded order id, one per HaiPay order and day however often it changed (HUAWEIPIN has no
/// query to reconcile with; see <see cref="ChangedOrders"/> for which writes count). Written before the
/// order, like every index row; a row whose write did not land only makes reconciliation ask about an order once more.
/// </summary>
internal static class ChangedIndex
{
    public static string Partition(PaymentProvider provider, DateOnly day) =>
        $"c-{provider}-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public static TableEntity Entry(PaymentOrder order) =>
        new(Partition(order.Provider, DateOnly.FromDateTime(order.UpdatedAt.UtcDateTime)), TableKeys.Encode(order.Id));
}
