using Payments.Core.Text;

namespace Payments.Core.Tests.Text;

public sealed class CustomerLinkTests
{
    private static readonly CustomerLinkOptions HttpsOnly = new();
    private static readonly CustomerLinkOptions HttpAllowed = new() { AllowHttp = true };

    [Theory]
    [InlineData("https://tn-uat-cashier.haipay.top/pay/usd/redirect/?orderNo=cmgjhy4v6v0a")]
    [InlineData("https://payment.huaweigiftcard.org/Payment/?Token=abc")]
    [InlineData("HTTPS://payment.example:8443/p")]
    public void From_AbsoluteHttpsLink_KeptAsWritten(string raw) =>
        Assert.Equal(raw, CustomerLink.From(raw, HttpsOnly)?.Value);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("/haipay/pay/1")]
    [InlineData("//evil.example/pay")]
    [InlineData("https:evil.example/pay")]
    [InlineData("https:/evil.example/pay")]
    [InlineData("https://user:pass@evil.example/pay")]
    [InlineData("https://ok.example/pay\nSet-Cookie: x")]
    [InlineData("https://ok.example\\@evil.example/")]
    [InlineData("ftp://files.example/pay")]
    [InlineData("http://127.0.0.1:7072/haipay/pay/1")]
    [InlineData("")]
    [InlineData(null)]
    public void From_AnythingButAnAbsoluteHttpsLink_NoUsableLink(string? raw) =>
        Assert.Null(CustomerLink.From(raw, HttpsOnly));

    [Fact]
    public void From_HttpWhereTheSettingAllowsIt_Kept()
    {
        const string sandbox = "http://127.0.0.1:7072/haipay/pay/1";
        Assert.Equal(sandbox, CustomerLink.From(sandbox, HttpAllowed)?.Value);
        Assert.Null(CustomerLink.From("javascript:alert(1)", HttpAllowed));
    }

    [Theory]
    [InlineData("http://127.0.0.1:7072/haipay/pay/1", true)]
    [InlineData("https://pay.example/x", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/relative", false)]
    public void Restore_StoredLink_OnlyHttpOrHttps(string stored, bool usable) =>
        Assert.Equal(usable, CustomerLink.Restore(stored) is not null);
}
