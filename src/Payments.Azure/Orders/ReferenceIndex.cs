using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Orders;

namespace Payments.Azure.Orders;

/// <summary>
/// The provider-reference index: HaiPay's number for a subscription (<c>subscriptionNo</c>, kept as the subscription's
/// <see cref="PaymentOrder.ProviderReference"/>) to our subscription's id, one row per number and HaiPay account
/// (currency: each account numbers its own subscriptions) in a partition of its own, so a notification naming only
/// HaiPay's number finds the subscription of the account that signed it with one point read. The order row is the
/// truth: a row whose order does not hold that number in that currency is ignored.
/// </summary>
internal static class ReferenceIndex
{
    public const string OrderIdColumn = "OrderId";

    /// <summary>The row of HaiPay's subscriptions in the account of <paramref name="currency"/>.</summary>
    public static string HaiPaySubscriptionRowKey(string currency) =>
        "haipay-subscription-" + TableKeys.Encode(currency.ToUpperInvariant());

    public static string Partition(string reference) => TableKeys.Encode(reference);

    /// <summary>
    /// The row <paramref name="order"/> needs (null when it has none): a HaiPay subscription HaiPay has numbered.
    /// </summary>
    public static TableEntity? Entry(PaymentOrder? order) =>
        order
            is {
                Provider: PaymentProvider.HaiPay,
                Kind: OrderKind.Subscription,
                ProviderReference: { Length: > 0 } number,
                Currency: { Length: > 0 } currency,
            }
            ? new TableEntity(Partition(number), HaiPaySubscriptionRowKey(currency)) { [OrderIdColumn] = order.Id }
            : null;

    /// <summary>
    /// Whether <paramref name="order"/>, read for a row, is the HaiPay subscription holding that number.
    /// </summary>
    public static bool Holds(PaymentOrder? order, string currency, string subscriptionNo) =>
        order is { Provider: PaymentProvider.HaiPay, Kind: OrderKind.Subscription } subscription
        && subscription.ProviderReference == subscriptionNo
        && string.Equals(subscription.Currency, currency, StringComparison.OrdinalIgnoreCase);
}
