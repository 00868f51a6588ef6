using System.Text.Json;
using Payments.Core.HaiPay;

namespace Payments.Core.Tests.HaiPay;

public sealed class HaiPayEnvelopeTests
{
    [Fact]
    public void Parse_SeedSubscriptionSampleWithTrailingComma_ReadsData()
    {
        const string seed = """
            {"status": "1","error": "00000000","msg": "","data": {"subscriptionNo": "4025071719404220010","appId": 1054,
            "amount": 999.99,"recurringIntervalCount": 2,"status": "1","payUrl": "https://tn-uat-cashier.haipay.top/pay/usd/redirect/?orderNo=cmgjhy4v6v0a",}}
            """;

        var envelope = HaiPayEnvelope.Parse(seed);

        Assert.True(envelope!.IsSuccess);
        Assert.Equal(999.99m, HaiPayEnvelope.Money(envelope.Data!.Value, "amount"));
        Assert.Equal("1054", HaiPayEnvelope.Scalar(envelope.Data.Value, "appId"));
    }

    [Theory]
    [InlineData("""{"status":1,"error":"00000000","msg":"","data":{"status":1,"amount":"50.00"}}""", "1", 50.00)]
    [InlineData("""{"status":"1","error":"00000000","msg":"","data":{"status":"2","amount":0.50000000}}""", "2", 0.5)]
    public void Parse_NumbersOrStrings_ReadBoth(string json, string status, double amount)
    {
        var data = HaiPayEnvelope.Parse(json)!.Data!.Value;

        Assert.Equal(status, HaiPayEnvelope.Scalar(data, "status"));
        Assert.Equal((decimal)amount, HaiPayEnvelope.Money(data, "amount"));
    }

    [Fact]
    public void Parse_ErrorReply_HasNoDataAndIsNotSuccess()
    {
        var envelope = HaiPayEnvelope.Parse(
            """{"status":"0","error":"4002","msg":"system:channel code does not exist"}"""
        );

        Assert.False(envelope!.IsSuccess);
        Assert.Null(envelope.Data);
        Assert.Equal(("0", "4002"), (envelope.Status, envelope.Error));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("[1,2]")]
    [InlineData("""{"error":"00000000"}""")]
    public void Parse_NotAnEnvelope_IsNull(string text)
    {
        Assert.Null(HaiPayEnvelope.Parse(text));
    }

    [Fact]
    public void Money_TextWithComma_IsNull()
    {
        Assert.Null(HaiPayEnvelope.Money(JsonDocument.Parse("""{"amount":"1,000.00"}""").RootElement, "amount"));
    }

    /// <summary>
    /// Issue #16, scenario 4: a reply with a repeated property name is no usable answer (the order stays Unknown),
    /// never applied.
    /// </summary>
    [Theory]
    [InlineData(
        """{"status":"1","error":"00000000","msg":"","data":{"orderId":"a","status":"2","amount":"6.25","sign":"x","amount":null}}"""
    )]
    [InlineData(
        """{"status":"1","error":"00000000","msg":"","data":{"orderId":"a","status":"1","sign":"x"},"data":{"orderId":"a","status":"2"}}"""
    )]
    [InlineData(
        """{"status":"0","status":"1","error":"00000000","msg":"","data":{"orderId":"a","status":"2","sign":"x"}}"""
    )]
    public void Parse_RepeatedPropertyNameAnywhere_NoEnvelope(string json)
    {
        Assert.Null(HaiPayEnvelope.Parse(json));
    }
}
