using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Text;

namespace Payments.Core.Tests.Orders;

/// <summary>
/// A signed contradiction keeps an order's earlier flag: an order flagged succeeded-after-failure (money may have moved
/// twice) that then receives a redelivery of the earlier signed failure stays named as such; only its detail changes.
/// </summary>
public sealed class ContradictionKeepsFlagTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Settle_RedeliveredFailureAfterSucceededAfterFailure_FlagStillSaysSucceededAfterFailure()
    {
        var failed = PaymentOrder
            .Create(new NewOrder("o1", PaymentProvider.HaiPay, "fp", Now.AddHours(72), 12.50m, "USD"), Now)
            .Accept("ref", TestLinks.Of("https://pay"), Now.AddHours(72), Now)
            .Order.Settle(new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), null), Now.AddMinutes(1))
            .Order;
        var lateSuccess = failed
            .Settle(
                new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 12.50m, ReceivedAmount: 12.50m),
                Now.AddMinutes(2)
            )
            .Order;
        Assert.Equal(
            (OrderStatus.Succeeded, ReviewReason.SucceededAfterFailure),
            (lateSuccess.Status, lateSuccess.ReviewReason)
        );

        var transition = lateSuccess.Settle(
            new ProviderVerdict(OrderStatus.Failed, ProviderText.Of("3"), null),
            Now.AddMinutes(3)
        );

        var flagged = Assert.IsType<PaymentOrder>(transition.Flagged);
        Assert.Contains(
            ReviewReason.SucceededAfterFailure.Name(),
            $"{flagged.ReviewReason?.Name()} {flagged.LastError}",
            StringComparison.Ordinal
        );
    }
}
