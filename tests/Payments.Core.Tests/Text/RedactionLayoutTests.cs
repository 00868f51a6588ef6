using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Tests.HaiPay;
using Payments.Core.Text;

namespace Payments.Core.Tests.Text;

/// <summary>
/// Card numbers in provider text and payloads, in every layout a gateway writes them, keep at most their last four.
/// </summary>
public sealed class RedactionLayoutTests
{
    private const string Secret = "merchant-secret-1";

    // ProviderText's digit-run regex glues a card number to any neighbouring digits separated by one space or dash,
    // so "PAN EXPIRY", "CODE PAN", doubled spaces or dots defeat the Luhn check and the whole card number is kept.
    [Theory]
    [InlineData("declined 4111111111111111 1230")] // PAN followed by expiry (MMYY): one 20-digit run, > 19: not a card
    [InlineData("error 51 4111111111111111")] // a reason code before it: an 18-digit run that fails Luhn
    [InlineData("card 4111 1111 1111 1111 12 30")] // spaced PAN then spaced expiry: one 20-digit run
    [InlineData("card 4111  1111  1111  1111")] // two spaces between groups
    [InlineData("card 4111.1111.1111.1111")] // dotted groups
    [InlineData("card 4111/1111/1111/1111")] // slashed groups
    public void Redact_CardNumberNextToOtherDigitsOrOtherSeparators_NeverKeepsTheFullNumber(string raw)
    {
        var redacted = ProviderText.Of(raw).Value;
        var digits = new string(redacted.Where(char.IsAsciiDigit).ToArray());
        Assert.DoesNotContain("4111111111111111", digits, StringComparison.Ordinal);
    }

    // CardRedaction.Write (audit payload of every signed HaiPay message) passes JSON numbers through untouched:
    // a card number sent as a number under any name other than accountNo reaches the audit table in full.
    [Theory]
    [InlineData("""{"orderId":"A1","status":2,"cardNo":4111111111111111}""")]
    [InlineData("""{"orderId":"A1","status":2,"bankCard":{"number":4111111111111111}}""")]
    [InlineData("""{"orderId":"A1","status":2,"errorMsg":"x","payerAccount":4111111111111111}""")]
    public void CardRedactionText_CardNumberAsAJsonNumber_IsRedacted(string body)
    {
        using var document = JsonDocument.Parse(body);
        var text = CardRedaction.Text(document.RootElement);
        Assert.DoesNotContain("4111111111111111", text, StringComparison.Ordinal);
    }
}
