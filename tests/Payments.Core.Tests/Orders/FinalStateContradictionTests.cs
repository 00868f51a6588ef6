using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Tests.HaiPay;
using Payments.Core.Text;

namespace Payments.Core.Tests.Orders;

/// <summary>
/// Signed provider data contradicting a final state is never a silent repeat: it flags the order for a person.
/// </summary>
public sealed class FinalStateContradictionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    // "final states never regress silently". HaiPay's signed word that a subscription we hold Canceled is ACTIVE
    // (the customer is still being charged) is a plain Conflict: PaymentOrder.Activate returns Conflict() without a
    // Flagged copy, so the order is never listed for a person (only an audit row callback-conflict), unlike every other
    // contradiction of a final state where money is at stake (PaymentOrder.Contradicted).
    [Fact]
    public void Apply_SignedActiveForACanceledSubscription_FlagsItForAPerson()
    {
        var canceled = new PaymentOrder
        {
            Id = "sub-1",
            Provider = PaymentProvider.HaiPay,
            Kind = OrderKind.Subscription,
            Status = OrderStatus.Canceled,
            RequestFingerprint = "f",
            CreatedAt = Now.AddDays(-3),
            UpdatedAt = Now.AddDays(-1),
            Amount = 9.99m,
            Currency = "USD",
        };

        var transition = canceled.Apply(new ProviderVerdict(OrderStatus.Active, ProviderText.Of("2"), null), Now);

        Assert.NotNull(transition.Flagged);
    }
}
