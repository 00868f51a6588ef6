using Payments.Core.Operations;
using Payments.Core.Operations.Resolutions;
using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Text;

namespace Payments.Core.Tests.Operations;

/// <summary>
/// What an operator's resolution is refused for before anything is recorded or asked
/// (<see cref="ResolveOrderHandler"/>): only an order waiting for a person is decided, a subscription is never decided
/// Succeeded, HUAWEIPIN has no status query, and the provider's signed answer must agree and flag nothing.
/// </summary>
public sealed class ResolveOrderRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ResolutionEvidence.ManualOverride, OrderStatus.Succeeded)]
    [InlineData(ResolutionEvidence.ManualOverride, OrderStatus.Failed)]
    [InlineData(ResolutionEvidence.ProviderAnswer, OrderStatus.Succeeded)]
    [InlineData(ResolutionEvidence.ProviderAnswer, OrderStatus.Failed)]
    public void Refusal_HaiPayOrderWaitingForAPerson_None(string evidence, OrderStatus decision)
    {
        Assert.Null(ResolveOrderHandler.Refusal(NeedsReview(PaymentProvider.HaiPay), Command(decision, evidence)));
    }

    [Fact]
    public void Refusal_OrderNotWaitingForAPerson_NotWaitingWithItsStatus()
    {
        var command = Command(OrderStatus.Failed, ResolutionEvidence.ManualOverride);
        var succeeded = NeedsReview(PaymentProvider.HaiPay).Resolve(OrderStatus.Succeeded, null, Now).Order;

        Assert.Equal(
            new ResolveOrderResult.NotWaiting(OrderStatus.Pending),
            ResolveOrderHandler.Refusal(Pending(PaymentProvider.HaiPay), command)
        );
        Assert.Equal(
            new ResolveOrderResult.NotWaiting(OrderStatus.Succeeded),
            ResolveOrderHandler.Refusal(succeeded, command)
        );
    }

    [Fact]
    public void Refusal_SubscriptionDecidedSucceeded_Refused()
    {
        var subscription = PaymentOrder
            .Create(
                new NewOrder(
                    "s1",
                    PaymentProvider.HaiPay,
                    "fp",
                    Now.AddMinutes(1),
                    9.99m,
                    "USD",
                    Kind: OrderKind.Subscription,
                    Recurrence: new Recurrence(RecurrenceUnit.Month, 1, 3)
                ),
                Now
            )
            .Accept("402507", TestLinks.Of("https://pay"), Now.AddMinutes(1), Now)
            .Order.GiveUpChecking(ReviewReason.ChecksExhausted, Now)
            .Order;

        Assert.IsType<ResolveOrderResult.SubscriptionCannotSucceed>(
            ResolveOrderHandler.Refusal(subscription, Command(OrderStatus.Succeeded, ResolutionEvidence.ManualOverride))
        );
        Assert.Null(
            ResolveOrderHandler.Refusal(subscription, Command(OrderStatus.Failed, ResolutionEvidence.ManualOverride))
        );
    }

    [Fact]
    public void Refusal_HuaweiPinOnTheProvidersAnswer_NoStatusQuery()
    {
        var order = NeedsReview(PaymentProvider.HuaweiPin);

        Assert.IsType<ResolveOrderResult.NoStatusQuery>(
            ResolveOrderHandler.Refusal(order, Command(OrderStatus.Succeeded, ResolutionEvidence.ProviderAnswer))
        );
        Assert.Null(
            ResolveOrderHandler.Refusal(order, Command(OrderStatus.Succeeded, ResolutionEvidence.ManualOverride))
        );
    }

    [Theory]
    [InlineData(OrderStatus.Succeeded)]
    [InlineData(OrderStatus.Failed)]
    public void Refusal_AnswerAgreesAndFlagsNothing_None(OrderStatus decision)
    {
        Assert.Null(ResolveOrderHandler.Refusal(new ProviderVerdict(decision, ProviderText.Of("2"), 12.50m), decision));
    }

    [Theory]
    [InlineData(OrderStatus.Succeeded, OrderStatus.Failed)]
    [InlineData(OrderStatus.Failed, OrderStatus.Succeeded)]
    [InlineData(OrderStatus.Pending, OrderStatus.Succeeded)]
    public void Refusal_AnswerIsAnotherOutcome_Disagrees(OrderStatus outcome, OrderStatus decision)
    {
        var answer = new ProviderVerdict(outcome, ProviderText.Of("1"), 12.50m);

        Assert.Equal(new ResolveOrderResult.ProviderDisagrees(answer), ResolveOrderHandler.Refusal(answer, decision));
    }

    [Theory]
    [InlineData(ReviewReason.AmountMismatch)]
    [InlineData(ReviewReason.PartialCollection)]
    public void Refusal_AnswerAgreesButFlagsAPerson_FlagsNotWaived(ReviewReason reason)
    {
        var answer = new ProviderVerdict(OrderStatus.Succeeded, ProviderText.Of("2"), 99m, reason, 99m);

        Assert.Equal(
            new ResolveOrderResult.ProviderFlags(answer, reason.Name()),
            ResolveOrderHandler.Refusal(answer, OrderStatus.Succeeded)
        );
    }

    private static ResolveOrderCommand Command(OrderStatus decision, string evidence) =>
        new("o1", decision, OperatorPrincipal.OperatorKey.Naming("alice@shop.example"), "checked", evidence);

    private static PaymentOrder Pending(PaymentProvider provider) =>
        PaymentOrder
            .Create(new NewOrder("o1", provider, "fp", Now.AddMinutes(1), 12.50m, "USD"), Now)
            .Accept("ref", TestLinks.Of("https://pay"), Now.AddMinutes(1), Now)
            .Order;

    private static PaymentOrder NeedsReview(PaymentProvider provider) =>
        Pending(provider).GiveUpChecking(ReviewReason.ChecksExhausted, Now.AddDays(3)).Order;
}
