using Payments.Core.HuaweiPin;

namespace Payments.Core.Tests.HuaweiPin;

public sealed class HuaweiPinReplyTests
{
    [Fact]
    public void Parse_ProviderSample_ReadsTheObject()
    {
        var reply = HuaweiPinReply.Parse(
            """{"isSuccess":true,"code":200,"errorMeesage":"Payment channel has been created.","iframeUrl":"https://pay.example/?Token=t"}"""
        );

        Assert.True(reply!.Value.GetProperty("isSuccess").GetBoolean());
    }

    /// <summary>
    /// Issue #16, scenario 4: a GetFrame reply with a repeated property name is no usable answer (order Unknown).
    /// </summary>
    [Theory]
    [InlineData(
        """{"isSuccess":false,"code":500,"iframeUrl":"https://pay.example/?Token=t","isSuccess":true,"code":200}"""
    )]
    [InlineData(
        """{"isSuccess":true,"code":200,"iframeUrl":"https://pay.example/?Token=a","iframeUrl":"https://evil.example/?Token=b"}"""
    )]
    [InlineData("""{"isSuccess":true,"code":200,"data":{"x":1,"x":2},"iframeUrl":"https://pay.example/?Token=t"}""")]
    [InlineData("""not json""")]
    public void Parse_RepeatedPropertyNameOrNotJson_NoReply(string text)
    {
        Assert.Null(HuaweiPinReply.Parse(text));
    }
}
