using System.Text.Json;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Text;

namespace Payments.Core.Tests.HaiPay;

public sealed class HaiPayVerdictsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The production rule: https links only.</summary>
    private static readonly CustomerLinkOptions Links = new();

    private static PaymentOrder Order(OrderKind kind = OrderKind.Payment, OrderStatus status = OrderStatus.Pending) =>
        PaymentOrder.Create(new NewOrder("c1", PaymentProvider.HaiPay, "fp", Now, 50.00m, "USD", Kind: kind), Now) with
        {
            Status = status,
        };

    private static JsonElement Json(string text) =>
        JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true }).RootElement;

    [Theory]
    [InlineData("""{"status":2,"amount":"50.00"}""", OrderStatus.Succeeded, null)]
    [InlineData("""{"status":"2","amount":50.00,"actualAmount":"50.00"}""", OrderStatus.Succeeded, null)]
    [InlineData(
        """{"status":2,"amount":"50.00","actualAmount":"49.00"}""",
        OrderStatus.Succeeded,
        ReviewReason.AmountMismatch
    )]
    [InlineData("""{"status":2,"amount":"60.00"}""", OrderStatus.Succeeded, ReviewReason.AmountMismatch)]
    [InlineData("""{"status":"3","errorMsg":"declined"}""", OrderStatus.Failed, null)]
    [InlineData(
        """{"status":4,"amount":"50.00","actualAmount":"20.00"}""",
        OrderStatus.Pending,
        ReviewReason.PartialCollection
    )]
    [InlineData(
        """{"status":5,"amount":"50.00","actualAmount":"70.00"}""",
        OrderStatus.Pending,
        ReviewReason.OverCollection
    )]
    [InlineData("""{"status":-1}""", OrderStatus.Pending, null)]
    [InlineData("""{"status":"0"}""", OrderStatus.Pending, null)]
    [InlineData("""{"status":"1"}""", OrderStatus.Pending, null)]
    [InlineData("""{"status":"9"}""", OrderStatus.Pending, ReviewReason.UnknownProviderStatus)]
    public void Read_Collection_MapsStatusAndAmount(string fields, OrderStatus outcome, ReviewReason? review)
    {
        var verdict = HaiPayVerdicts.Read(Json(fields), Order());

        Assert.Equal((outcome, review), (verdict.Outcome, verdict.ReviewReason));
    }

    [Theory]
    [InlineData("2", OrderStatus.Succeeded)]
    [InlineData("3", OrderStatus.Failed)]
    [InlineData("1", OrderStatus.Pending)]
    public void Read_Refund_MapsStatus(string status, OrderStatus outcome)
    {
        Assert.Equal(
            outcome,
            HaiPayVerdicts.Read(Json($$"""{"status":"{{status}}"}"""), Order(OrderKind.Refund)).Outcome
        );
    }

    [Fact]
    public void Apply_UnknownOrderFoundInPayment_BecomesPendingWithTheReference()
    {
        var result = HaiPayVerdicts.Apply(
            Order(status: OrderStatus.Unknown),
            Json("""{"orderNo":"602","status":1}"""),
            Now
        );

        Assert.Equal(
            (OrderStatus.Pending, "602", "1"),
            (result.Order.Status, result.Order.ProviderReference, result.Order.ProviderStatus)
        );
    }

    [Fact]
    public void Apply_ApplyReplyWithoutStatus_PendingWithThePayUrl()
    {
        var result = HaiPayVerdicts.Apply(
            Order(status: OrderStatus.Created),
            Json("""{"orderNo":"602","payUrl":"https://3ds"}"""),
            Links,
            Now
        );

        Assert.Equal(
            (OrderStatus.Pending, "https://3ds", null),
            (result.Order.Status, result.Order.RedirectUrl?.Value, result.Order.ProviderStatus)
        );
    }

    [Fact]
    public void AcceptUnsigned_ReplyClaimingActive_OnlyPendingWithNumberAndPayUrl()
    {
        var fields = Json(
            """{"subscriptionNo":"4025","subscriptionOrderId":"c1","status":"2","payUrl":"https://3ds",}"""
        );

        var result = HaiPayVerdicts.AcceptUnsigned(
            Order(OrderKind.Subscription, OrderStatus.Created),
            fields,
            Links,
            Now
        );

        Assert.Equal(
            (OrderStatus.Pending, "4025", "https://3ds", null),
            (
                result.Order.Status,
                result.Order.ProviderReference,
                result.Order.RedirectUrl?.Value,
                result.Order.ProviderStatus
            )
        );
        Assert.False(HaiPayVerdicts.AcceptUnsigned(result.Order, fields, Links, Now).IsChanged);
    }

    [Fact]
    public void Apply_PartialCollection_NeedsReviewWithTheReceivedAmount()
    {
        var result = HaiPayVerdicts.Apply(
            Order(),
            Json("""{"status":4,"amount":"50.00","actualAmount":"20.00"}"""),
            Now
        );

        Assert.Equal(
            (OrderStatus.NeedsReview, 20.00m, 50.00m),
            (result.Order.Status, result.Order.ReceivedAmount, result.Order.Amount)
        );
    }

    [Fact]
    public void Apply_FailureAfterSuccess_Conflict()
    {
        var paid = HaiPayVerdicts.Apply(Order(), Json("""{"status":2,"amount":"50.00"}"""), Now).Order;

        Assert.Equal(TransitionKind.Conflict, HaiPayVerdicts.Apply(paid, Json("""{"status":3}"""), Now).Kind);
    }

    [Fact]
    public void ApplyQueried_OpenOrderWhileItsApplyIsInFlight_Unchanged()
    {
        var inFlight = Order(status: OrderStatus.Created);

        var result = HaiPayVerdicts.ApplyQueried(
            inFlight,
            Json("""{"orderNo":"602","status":1}"""),
            Links,
            Now.AddSeconds(5)
        );

        Assert.Equal((TransitionKind.Unchanged, OrderStatus.Created), (result.Kind, result.Order.Status));
    }

    [Fact]
    public void ApplyQueried_SuccessWhileTheApplyIsInFlight_Succeeded()
    {
        var result = HaiPayVerdicts.ApplyQueried(
            Order(status: OrderStatus.Created),
            Json("""{"orderNo":"602","status":2,"amount":"50.00"}"""),
            Links,
            Now.AddSeconds(5)
        );

        Assert.Equal(OrderStatus.Succeeded, result.Order.Status);
    }

    [Fact]
    public void ApplyQueried_CreatedOrderPastTheInFlightWindow_PayUrlUnknown()
    {
        var result = HaiPayVerdicts.ApplyQueried(
            Order(status: OrderStatus.Created),
            Json("""{"orderNo":"602","status":1}"""),
            Links,
            Now + PaymentOrder.InFlightWindow
        );

        Assert.Equal(
            (OrderStatus.NeedsReview, ReviewReason.PayUrlUnknown),
            (result.Order.Status, result.Order.ReviewReason)
        );
    }

    [Fact]
    public void Apply_ApplyReplyAfterAQueryFlaggedPayUrlUnknown_PendingWithThePayUrl()
    {
        var flagged = HaiPayVerdicts
            .ApplyQueried(Order(status: OrderStatus.Unknown), Json("""{"orderNo":"602","status":1}"""), Links, Now)
            .Order;

        var result = HaiPayVerdicts.Apply(
            flagged,
            Json("""{"orderNo":"602","payUrl":"https://3ds"}"""),
            Links,
            Now.AddSeconds(1)
        );

        Assert.Equal(ReviewReason.PayUrlUnknown, flagged.ReviewReason);
        Assert.Equal(
            (OrderStatus.Pending, "https://3ds", null),
            (result.Order.Status, result.Order.RedirectUrl?.Value, result.Order.ReviewReason)
        );
    }

    [Theory]
    [InlineData("""{"status":2,"amount":5E+1}""", "5E+1")]
    [InlineData("""{"status":2,"amount":"1,000.00"}""", "1,000.00")]
    [InlineData("""{"status":2,"amount":"50.00","actualAmount":"fifty"}""", "fifty")]
    [InlineData("""{"status":2}""", "absent")]
    public void Apply_SuccessWithAnUnreadableOrAbsentAmount_NeedsReviewKeepingTheText(string fields, string kept)
    {
        var result = HaiPayVerdicts.Apply(Order(), Json(fields), Now);

        Assert.Equal(
            (OrderStatus.NeedsReview, ReviewReason.AmountMismatch),
            (result.Order.Status, result.Order.ReviewReason)
        );
        Assert.Contains(kept, result.Order.LastError?.Value, StringComparison.Ordinal);
    }
}
