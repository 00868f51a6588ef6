using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>
/// The provider-reference index: HaiPay's number for a subscription (<c>subscriptionNo</c>, kept as the subscription's
/// <see cref="PaymentOrder.ProviderReference"/>) to our subscription's id, one row per number in a partition of its own, so a
/// notification naming only HaiPay's number finds the subscription with one point read. The order row is the truth: a row
/// whose order does not hold that number is ignored.
/// </summary>
internal static class ReferenceIndex
{
    public const string HaiPaySubscriptionRowKey = "haipay-subscription";

    public const string OrderIdColumn = "OrderId";

    public static string Partition(string reference) => TableKeys.Encode(reference);

    /// <summary>The row <paramref name="order"/> needs (null when it has none): a HaiPay subscription HaiPay has numbered.</summary>
    public static TableEntity? Entry(PaymentOrder? order) =>
        order is { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Subscription, ProviderReference: { Length: > 0 } number }
            ? new TableEntity(Partition(number), HaiPaySubscriptionRowKey) { [OrderIdColumn] = order.Id }
            : null;
}
