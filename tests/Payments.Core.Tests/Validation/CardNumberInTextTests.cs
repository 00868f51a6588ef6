using Payments.Core.Validation;

namespace Payments.Core.Tests.Validation;

public sealed class CardNumberInTextTests
{
    [Theory]
    [InlineData("customer card 4111 1111 1111 1111 exp 12/29 declined")]
    [InlineData("4111111111111111")]
    [InlineData("card 4111-1111-1111-1111.")]
    [InlineData("pan 4111111111111111 123 cvv")]
    [InlineData("amex 3782 822463 10005")]
    [InlineData("4111 1111 1111 1111 12 29")]
    [InlineData("4111  1111 - 1111  1111")]
    public void ContainsCardNumber_LuhnValidRunOf13To19Digits_True(string text) =>
        Assert.True(CardRules.ContainsCardNumber(text));

    [Theory]
    [InlineData("customer says unpaid")]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("HaiPay order 6023071013539999 amount 12.50")]
    [InlineData("phone 030 1234 5678")]
    [InlineData("reference 41111111111111110000000")]
    [InlineData("4111 - 1111 - 1111 -  - 1111")]
    public void ContainsCardNumber_NoLuhnValidCardNumber_False(string text) =>
        Assert.False(CardRules.ContainsCardNumber(text));

    [Fact]
    public void FreeText_CardNumber_MessageWithoutTheDigits()
    {
        var message = FieldRules.FreeText("card 4111 1111 1111 1111", 2000);

        Assert.NotNull(message);
        Assert.DoesNotContain("4111", message, StringComparison.Ordinal);
    }
}
