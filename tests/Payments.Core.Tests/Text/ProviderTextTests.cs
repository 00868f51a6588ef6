using System.Text.Json;
using Payments.Core;
using Payments.Core.Text;

namespace Payments.Core.Tests.Text;

public sealed class ProviderTextTests
{
    [Theory]
    [InlineData(
        "param error: accountNo 4000056655665556 not supported",
        "param error: accountNo [card ****5556] not supported"
    )]
    [InlineData("card 4000 0566 5566 5556 declined", "card [card ****5556] declined")]
    [InlineData("card 4000-0566-5566-5556 declined", "card [card ****5556] declined")]
    [InlineData("amex 378282246310005.", "amex [card ****0005].")]
    [InlineData("x4111111111111111y", "x[card ****1111]y")]
    public void Of_CardNumberPassingLuhnInAnyGrouping_KeepsOnlyTheLastFour(string raw, string expected) =>
        Assert.Equal(expected, ProviderText.Of(raw).Value);

    [Theory]
    [InlineData("orderNo 6023071013539001 unknown")]
    [InlineData("error 4001 at 2026-12-07 10:00:00")]
    [InlineData("short 400005665566")]
    public void Of_DigitsThatAreNoCardNumber_KeptAsReceived(string raw) =>
        Assert.Equal(raw, ProviderText.Of(raw).Value);

    /// <summary>
    /// Any 13–19 consecutive digits passing Luhn are masked, so about one reference number in ten written in a
    /// provider's text loses all but its last four: the price of never keeping a card number glued to other digits.
    /// </summary>
    [Fact]
    public void Of_ReferenceNumberWhoseDigitsPassLuhn_MaskedLikeACardNumber() =>
        Assert.Equal("orderNo 602[card ****9075] unknown", ProviderText.Of("orderNo 6023071013539075 unknown").Value);

    [Theory]
    [InlineData("CVV 7391 does not match; expiry 11/31 rejected", "CVV *** does not match; expiry **** rejected")]
    [InlineData("cvc2: 123 wrong", "cvc2: *** wrong")]
    [InlineData("security code 1234 invalid", "security code *** invalid")]
    [InlineData("card expired (exp 1131)", "card expired (exp ****)")]
    [InlineData("declined, valid thru 11/2031", "declined, valid thru **/**")]
    [InlineData("bad date 1-31", "bad date **/**")]
    public void Of_CardCodeOrExpiryNamed_Masked(string raw, string expected) =>
        Assert.Equal(expected, ProviderText.Of(raw).Value);

    [Theory]
    [InlineData("refund 3 of 5 failed at 2026-11-07")]
    [InlineData("error 4006: refund window closed")]
    public void Of_NumbersThatAreNoCardCodeOrExpiry_KeptAsReceived(string raw) =>
        Assert.Equal(raw, ProviderText.Of(raw).Value);

    [Fact]
    public void Of_TextLongerThanMaxLength_CutAndMarked()
    {
        var text = ProviderText.Of(new string('x', 40_000)).Value;

        Assert.Equal(ProviderText.MaxLength, text.Length);
        Assert.EndsWith("[cut]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_RegisteredSecretEchoed_Redacted()
    {
        SecretRedaction.Register("provider-text-test-secret-91b2");
        Assert.Equal("306 wrong key [redacted]", ProviderText.Of("306 wrong key provider-text-test-secret-91b2").Value);
    }

    [Fact]
    public void Register_BlankOrShortValues_RedactNothing()
    {
        SecretRedaction.Register("   ");
        SecretRedaction.Register("abc");
        Assert.Equal("abc and   spaces", ProviderText.Of("abc and   spaces").Value);
    }

    [Fact]
    public void Redacted_TextAgain_Unchanged() =>
        Assert.Equal(
            ProviderText.Of("card 4000056655665556").Value,
            ProviderText.Of(ProviderText.Of("card 4000056655665556")!).Value
        );

    [Fact]
    public void CardRedaction_CardNumberInAnyStringValue_Redacted()
    {
        using var document = JsonDocument.Parse(
            """{"msg":"accountNo 4000056655665556","nested":{"errorMsg":"4000 0566 5566 5556"}}"""
        );
        var text = CardRedaction.Text(document.RootElement);
        Assert.DoesNotContain("0566", text, StringComparison.Ordinal);
        Assert.Contains("****5556", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CardRedaction_ReferenceNumbersThatPassLuhn_KeptInTheirFieldsMaskedInText()
    {
        using var document = JsonDocument.Parse(
            """{"orderNo":"6023071013539075","subscriptionNo":4025071719404229999,"errorMsg":"ref 6023071013539075"}"""
        );
        var text = CardRedaction.Text(document.RootElement);
        Assert.Contains("\"orderNo\":\"6023071013539075\"", text, StringComparison.Ordinal);
        Assert.Contains("\"subscriptionNo\":4025071719404229999", text, StringComparison.Ordinal);
        Assert.Contains("ref 602[card ****9075]", text, StringComparison.Ordinal);
    }
}
