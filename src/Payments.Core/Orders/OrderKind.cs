namespace Payments.Core.Orders;

/// <summary>
/// A payment taken from a customer, a refund of one (HaiPay refunds are orders of their own), a subscription,
/// or one charge a subscription made (recorded as its own payment, tied to the subscription).
/// </summary>
public enum OrderKind
{
    Payment = 0,
    Refund = 1,
    Subscription = 2,
    SubscriptionCharge = 3,
}
