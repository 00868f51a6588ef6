using System.Text.Json;
using Payments.Core.HaiPay;
using Payments.Core.Validation;

namespace Payments.Core.Tests.Validation;

/// <summary>
/// A declared pattern is matched as the OpenAPI document reads it (ECMA-262, the whole value): a final line feed or
/// non-ASCII digits are refused on their field (400), never reach a parser.
/// </summary>
public sealed class DeclaredPatternTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("amount", "12.50\n")]
    [InlineData("amount", "\u0661\u0662.\u0665\u0660")]
    [InlineData("country", "PH\n")]
    [InlineData("partnerUserId", "user\n")]
    public void Collection_PatternMatchedOnlyBeforeALineFeedOrByOtherDigits_RefusedOnTheField(
        string field,
        string value
    )
    {
        var fields = new Dictionary<string, object?>
        {
            ["orderId"] = "A1",
            ["amount"] = "12.50",
            ["name"] = "Jon Smith",
            ["email"] = "jon@example.com",
            ["clientType"] = "WEB",
            ["accountNo"] = "4000056655665556",
            ["expiryMonth"] = "11",
            ["expiryYear"] = "2028",
            ["cvv"] = "234",
            ["referer"] = "https://shop.example",
            ["callBackUrl"] = "https://shop.example/done",
            ["userAgent"] = "Mozilla/5.0",
            ["customerIp"] = "142.250.191.174",
            ["subject"] = "Phone",
            ["partnerUserId"] = "9527",
            [field] = value,
        };
        var options = new HaiPayOptions();
        options.Accounts["USD"] = new HaiPayAccount { AppId = 1054 };
        using var body = JsonDocument.Parse(JsonSerializer.Serialize(fields));
        var errors = new FieldErrors();

        var command = CollectionValidator.Validate(body.RootElement, options, Now, null, errors);

        Assert.Null(command);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }
}
