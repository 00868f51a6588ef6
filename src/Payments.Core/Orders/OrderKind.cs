namespace Payments.Core.Orders;

/// <summary>A payment taken from a customer, or a refund of one (HaiPay refunds are orders of their own).</summary>
public enum OrderKind
{
    Payment = 0,
    Refund = 1,
}
