using Payments.Core.Text;

namespace Payments.Core.Tests.Text;

/// <summary>
/// A customer link is handed to the merchant exactly as the provider wrote it (<see cref="CustomerLink.Value"/>), and a
/// merchant puts it into an <c>href</c>, a <c>src</c> or a redirect. Characters that RFC 3986 never allows unescaped in
/// a link (<c>" &lt; &gt; ' `</c>, bidi controls) can only be there to break out of that attribute or to disguise the
/// host.
/// </summary>
public sealed class CustomerLinkMarkupTests
{
    private static readonly CustomerLinkOptions HttpsOnly = new();

    [Theory]
    [InlineData("https://pay.example/3ds\"><script>alert(document.cookie)</script>")]
    [InlineData("https://pay.example/3ds\"onload=\"alert(1)")]
    [InlineData("https://pay.example/3ds'onload='alert(1)")]
    [InlineData("https://pay.example/<svg/onload=alert(1)>")]
    [InlineData("https://pay.example/`${alert(1)}`")]
    [InlineData("https://pay.example/\u202Egnp.exe")]
    public void From_HttpsLinkCarryingMarkupOrBidiControls_NoUsableLink(string raw) =>
        Assert.Null(CustomerLink.From(raw, HttpsOnly));
}
