using Payments.Core.Orders;

namespace Payments.Core.HaiPay;

/// <summary>
/// The order after one status check; <paramref name="Absent"/> when HaiPay said it has no such order.
/// </summary>
public sealed record CheckResult(PaymentOrder Order, bool Absent);
