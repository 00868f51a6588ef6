using Payments.Core.Text;

namespace Payments.Core.Tests.Text;

/// <summary>
/// Card numbers in provider text in layouts the digit-run rule does not join: at most their last four survive.
/// </summary>
public sealed class ProviderTextSeparatorTests
{
    [Theory]
    [InlineData("card 4111 - 1111 - 1111 - 1111 declined")] // " - " between groups: three characters
    [InlineData("card 4111 / 1111 / 1111 / 1111 declined")] // " / " between groups
    [InlineData("card 4111 -- 1111 -- 1111 -- 1111")] // " -- " between groups
    [InlineData("pan+expiry 41111111111111111230 refused")] // the number glued to its expiry (MMYY): one 20-digit run
    [InlineData("ref 0074111111111111111 refused")] // glued to a 3-digit reference: one 19-digit run failing Luhn
    public void Redact_CardNumberInALayoutBeyondTwoSeparatorsOrGluedToDigits_KeepsAtMostTheLastFour(string raw)
    {
        var redacted = ProviderText.Of(raw).Value;
        var digits = new string(redacted.Where(char.IsAsciiDigit).ToArray());
        Assert.DoesNotContain("4111111111111111", digits, StringComparison.Ordinal);
    }
}
