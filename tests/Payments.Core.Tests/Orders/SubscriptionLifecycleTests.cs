using System.Text.Json;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Tests.Text;
using Payments.Core.Text;

namespace Payments.Core.Tests.Orders;

public sealed class SubscriptionLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static PaymentOrder Processing() =>
        PaymentOrder
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
            .Order;

    private static Transition Report(PaymentOrder order, string status) =>
        HaiPayVerdicts.Apply(
            order,
            JsonDocument.Parse($$"""{"subscriptionNo":"402507","status":"{{status}}"}""").RootElement,
            Now
        );

    [Fact]
    public void Apply_Status2_ActiveAndNoLongerPolled()
    {
        var active = Report(Processing(), "2");

        Assert.Equal(
            (TransitionKind.Changed, OrderStatus.Active, "2", null),
            (active.Kind, active.Order.Status, active.Order.ProviderStatus?.Value, active.Order.NextCheckAt)
        );
        Assert.False(active.Order.Status.IsOpen());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1")]
    public void Apply_StaleOpenStatusOnActive_Unchanged(string status)
    {
        var active = Report(Processing(), "2").Order;

        Assert.Equal(TransitionKind.Unchanged, Report(active, status).Kind);
    }

    [Fact]
    public void Apply_Status4OnActive_CanceledAndFinal()
    {
        var canceled = Report(Report(Processing(), "2").Order, "4");

        Assert.Equal((TransitionKind.Changed, OrderStatus.Canceled), (canceled.Kind, canceled.Order.Status));
        Assert.True(canceled.Order.Status.IsFinal());
        Assert.Equal(Now, canceled.Order.CompletedAt);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("1")]
    public void Apply_AnythingButCanceledAfterCancel_NeverRegresses(string status)
    {
        var canceled = Report(Report(Processing(), "2").Order, "4").Order;

        Assert.Equal(OrderStatus.Canceled, Report(canceled, status).Order.Status);
    }

    [Fact]
    public void Apply_Status3WhileProcessing_Failed()
    {
        Assert.Equal(OrderStatus.Failed, Report(Processing(), "3").Order.Status);
    }

    [Fact]
    public void Activate_APayment_Conflict()
    {
        var payment = PaymentOrder.Create(new NewOrder("p1", PaymentProvider.HaiPay, "fp", null, 5m), Now);

        Assert.Equal(TransitionKind.Conflict, payment.Activate(ProviderText.Of("2"), Now).Kind);
    }

    [Fact]
    public void Apply_ChargeNotification_ReadLikeACollectionAgainstTheSubscriptionAmount()
    {
        var charge = PaymentOrder.Create(
            new NewOrder(
                "s1~602",
                PaymentProvider.HaiPay,
                "fp",
                null,
                9.99m,
                "USD",
                Kind: OrderKind.SubscriptionCharge,
                ParentOrderId: "s1"
            ),
            Now
        );
        var fields = JsonDocument.Parse("""{"orderNo":"602","amount":"9.99","status":2}""").RootElement;

        var settled = HaiPayVerdicts.Apply(charge, fields, Now).Order;

        Assert.Equal(
            (OrderStatus.Succeeded, "602", 0),
            (settled.Status, settled.ProviderReference, settled.ProviderCalls)
        );
    }

    [Theory]
    [InlineData(RecurrenceUnit.Day, 2, "2026-11-24")]
    [InlineData(RecurrenceUnit.Week, 1, "2026-11-29")]
    [InlineData(RecurrenceUnit.Month, 3, "2027-02-22")]
    [InlineData(RecurrenceUnit.Year, 1, "2027-11-22")]
    public void After_EachUnit_CalendarArithmetic(RecurrenceUnit unit, int count, string expected)
    {
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.FromDateTime(new Recurrence(unit, count, 3).After(Now).UtcDateTime)
        );
    }
}
