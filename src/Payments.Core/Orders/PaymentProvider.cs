namespace Payments.Core.Orders;

/// <summary>The payment provider an order is taken through.</summary>
public enum PaymentProvider
{
    HuaweiPin = 1,
    HaiPay = 2,
}
