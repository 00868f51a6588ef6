using System.Text.Json;
using Payments.Core.HaiPay;
using Payments.Core.Validation;

namespace Payments.Core.Tests.HaiPay;

public sealed class CollectionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static HaiPayOptions Options()
    {
        var options = new HaiPayOptions();
        options.Accounts["USD"] = new HaiPayAccount { AppId = 1054 };
        return options;
    }

    private static string Body(string field, string json)
    {
        var fields = new Dictionary<string, string>
        {
            ["orderId"] = "\"A1\"",
            ["amount"] = "\"999.99\"",
            ["name"] = "\"Jon Smith\"",
            ["email"] = "\"jon@example.com\"",
            ["clientType"] = "\"WEB\"",
            ["accountNo"] = "\"4000056655665556\"",
            ["expiryMonth"] = "\"11\"",
            ["expiryYear"] = "\"2028\"",
            ["cvv"] = "\"234\"",
            ["referer"] = "\"https://shop.example\"",
            ["callBackUrl"] = "\"https://shop.example/done\"",
            ["userAgent"] = "\"Mozilla/5.0\"",
            ["customerIp"] = "\"142.250.191.174\"",
            ["subject"] = "\"Phone\"",
            ["partnerUserId"] = "\"9527\"",
        };
        fields[field] = json;
        return "{"
            + string.Join(",", fields.Where(f => f.Value.Length > 0).Select(f => $"\"{f.Key}\":{f.Value}"))
            + "}";
    }

    private static (CreateCollectionCommand? Command, IDictionary<string, string[]> Errors) Validate(
        string body,
        string? keyedOrderId = null
    )
    {
        var errors = new FieldErrors();
        var command = CollectionValidator.Validate(
            JsonDocument.Parse(body).RootElement,
            Options(),
            Now,
            keyedOrderId,
            errors
        );
        return (command, errors.ToDictionary());
    }

    [Fact]
    public void Validate_TheSeedsSample_IsAccepted()
    {
        var (command, errors) = Validate(Body("phone", "\"09123456789\""));

        Assert.Empty(errors);
        Assert.Equal(
            (999.99m, "999.99", "5556", "USD"),
            (command!.Amount, command.AmountText, command.Card.Last4, command.Currency)
        );
        Assert.DoesNotContain("4000056655665556", command.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026", "11", true)]
    [InlineData("2026", "10", false)]
    [InlineData("2025", "12", false)]
    [InlineData("2027", "01", true)]
    public void Validate_Expiry_TheCurrentMonthIsStillValid(string year, string month, bool valid)
    {
        var body = Body("expiryYear", $"\"{year}\"")
            .Replace("\"expiryMonth\":\"11\"", $"\"expiryMonth\":\"{month}\"", StringComparison.Ordinal);

        var (_, errors) = Validate(body);

        Assert.Equal(valid, !errors.ContainsKey("expiryYear"));
    }

    [Theory]
    [InlineData("4000056655665556", true)]
    [InlineData("4242424242424242", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4000056655665557", false)]
    [InlineData("4242424242424241", false)]
    public void PassesLuhn_KnownTestCards(string number, bool valid) =>
        Assert.Equal(valid, CardRules.PassesLuhn(number));

    [Theory]
    [InlineData("PH", "09123456789", true)]
    [InlineData("PH", "0912345678", false)]
    [InlineData("BD", "01312345678", true)]
    [InlineData("BD", "01212345678", false)]
    [InlineData("SG", "81234567", true)]
    [InlineData("SG", "71234567", false)]
    [InlineData(null, "0612345", true)]
    [InlineData("US", "12ab", false)]
    public void PhoneFormats_NationalForms(string? country, string phone, bool valid) =>
        Assert.Equal(valid, PhoneFormats.Check(phone, country) is null);

    [Theory]
    [InlineData("\"0.99\"", true)]
    [InlineData("\"1000.00\"", true)]
    [InlineData("12.50", true)]
    [InlineData("\"0.98\"", false)]
    [InlineData("\"1000.01\"", false)]
    [InlineData("\"12.5\"", false)]
    [InlineData("\"1,000.00\"", false)]
    [InlineData("\"1e2\"", false)]
    [InlineData("12.5", false)]
    [InlineData("true", false)]
    public void Validate_Amount_TwoDecimalsWithinTheLimits(string json, bool valid)
    {
        var (_, errors) = Validate(Body("amount", json));

        Assert.Equal(valid, !errors.ContainsKey("amount"));
    }

    [Fact]
    public void Validate_NoOrderIdNorIdempotencyKey_OrderIdRequired()
    {
        var (command, errors) = Validate(Body("orderId", string.Empty));

        Assert.Null(command);
        Assert.Equal(["orderId"], errors.Keys);
    }

    [Fact]
    public void Validate_NoOrderIdButAKeyedId_UsesTheKeyedId()
    {
        var (command, _) = Validate(Body("orderId", string.Empty), "hpy_0123456789abcdef0123456789abcdef01234567");

        Assert.Equal("hpy_0123456789abcdef0123456789abcdef01234567", command!.OrderId);
    }

    [Fact]
    public void Fingerprint_IgnoresTheSecretPartsOfTheCard_ButNotTheAmount()
    {
        var a = Validate(Body("cvv", "\"123\"")).Command!;
        var b = Validate(Body("cvv", "\"999\"")).Command!;
        var c = Validate(Body("amount", "\"10.00\"")).Command!;

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
    }
}
