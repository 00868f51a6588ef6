using System.Text.Json;
using Payments.Core.HaiPay;

namespace Payments.Core.Tests.HaiPay;

public sealed class NotificationMessageTests
{
    private static NotificationMessage Read(string json) =>
        NotificationMessage.Read(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Read_Collection_OrderIdNoCharge()
    {
        Assert.Equal(("A1", false, null, null), Parts(Read("""{"orderId":"A1","orderNo":"602","sign":"c2ln"}""")));
    }

    [Fact]
    public void Read_SubscriptionWithoutCharge_AboutTheSubscription()
    {
        Assert.Equal(
            ("S1", true, null, "4025"),
            Parts(Read("""{"subscriptionOrderId":"S1","subscriptionNo":"4025","sign":"c2ln"}"""))
        );
    }

    [Fact]
    public void Read_SubscriptionCharge_ChargeNumberFromOrderNo()
    {
        Assert.Equal(
            ("S1", true, "602", null),
            Parts(Read("""{"subscriptionOrderId":"S1","orderId":"4025-1-1","orderNo":602,"sign":"c2ln"}"""))
        );
    }

    [Theory]
    [InlineData("""{"subscriptionNo":"4025","orderNo":"602","sign":"c2ln"}""")]
    [InlineData(
        """{"subscriptionNo":4025,"orderId":"4025-1-1","orderNo":"602","amount":"9.99","status":2,"sign":"c2ln"}"""
    )]
    public void Read_ChargeNamingOnlyHaiPaysSubscriptionNo_ASubscriptionChargeFoundByThatNumber(string json)
    {
        Assert.Equal((string.Empty, true, "602", "4025"), Parts(Read(json)));
    }

    [Fact]
    public void Read_SubscriptionNamedOnlyByHaiPaysNumber_AboutTheSubscription()
    {
        Assert.Equal(
            (string.Empty, true, null, "4025"),
            Parts(Read("""{"subscriptionNo":"4025","status":2,"sign":"c2ln"}"""))
        );
    }

    [Theory]
    [InlineData("""{"subscriptionNo":"","orderNo":"602","sign":"c2ln"}""", "orderId")]
    [InlineData("""{"subscriptionNo":"40/25","orderNo":"602","sign":"c2ln"}""", "subscriptionNo")]
    [InlineData(
        """{"subscriptionOrderId":"S1","subscriptionNo":"4025402540254025402540254025402540254025402540254","sign":"c2ln"}""",
        "subscriptionNo"
    )]
    [InlineData("""{"subscriptionOrderId":"S1","orderId":"4025-1-1","sign":"c2ln"}""", "orderNo")]
    [InlineData("""{"orderNo":"602","sign":"c2ln"}""", "orderId")]
    [InlineData("""{"orderId":"A1","orderNo":"602"}""", "sign")]
    [InlineData("""{"orderId":"A1","sign":""}""", "sign")]
    [InlineData("""{"orderId":"a/b","sign":"c2ln"}""", "orderId")]
    [InlineData("""[1]""", "body")]
    public void Read_Incomplete_NamesTheMissingField(string json, string field)
    {
        Assert.Equal([field], Read(json).Errors!.ToDictionary().Keys);
    }

    private static (string, bool, string?, string?) Parts(NotificationMessage message)
    {
        Assert.Null(message.Errors);
        return (message.OrderId, message.IsSubscription, message.ChargeNo, message.SubscriptionNo);
    }
}
