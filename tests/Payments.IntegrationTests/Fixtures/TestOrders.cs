using Payments.Core.Orders;

namespace Payments.IntegrationTests.Fixtures;

internal static class TestOrders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static PaymentOrder New(
        string id,
        PaymentProvider provider = PaymentProvider.HaiPay,
        DateTimeOffset? nextCheckAt = null
    ) => PaymentOrder.Create(new NewOrder(id, provider, "fingerprint", nextCheckAt, 12.50m, "USD"), Now);
}
