using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

public sealed class CollectionValidationTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string, object?> InvalidFields() =>
        new()
        {
            { "orderId", "a/b" },
            { "orderId", "S~602" },
            { "orderId", new string('x', 49) },
            { "currency", "EUR" },
            { "amount", "10" },
            { "amount", "10.5" },
            { "amount", "1,000.00" },
            { "amount", "0.98" },
            { "amount", "1000.01" },
            { "amount", "-5.00" },
            { "amount", null },
            { "name", "Madonna" },
            { "name", "" },
            { "email", "not-an-email" },
            { "phone", "12ab" },
            { "phone", "0812345678" },
            { "country", "PHL" },
            { "clientType", "DESKTOP" },
            { "accountNo", "4000056655665557" },
            { "accountNo", "4000-0566-5566-5556" },
            { "accountNo", "1234" },
            { "accountNo", 4000056655665556 },
            { "expiryMonth", "13" },
            { "expiryMonth", "1" },
            { "expiryYear", "2020" },
            { "expiryYear", "31" },
            { "cvv", "12" },
            { "cvv", "12345" },
            { "cvv", "abc" },
            { "referer", "not a url" },
            { "referer", "ftp://files.example.com/" },
            { "callBackUrl", null },
            { "userAgent", "" },
            { "customerIp", "999.1.1.1" },
            { "subject", null },
            { "body", 5 },
            { "partnerUserId", "user 1" },
            { "partnerUserId", "üser" },
        };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task CreateCollection_InvalidField_400NamingItNothingWrittenNoProviderCall(string field, object? value)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var request = CollectionFlow.Request("hpy-invalid");
        if (value is null)
        {
            request.Remove(field);
        }
        else
        {
            request[field] = value;
        }

        var rowsBefore = await StorageScan.RowCountAsync(system.Server);

        var response = await CollectionFlow.CreateAsync(system, request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.DoesNotContain(CollectionFlow.CardNumber, text, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await StorageScan.RowCountAsync(system.Server));
        Assert.Null(await system.SandboxPaymentAsync("hpy-invalid"));
    }

    [Fact]
    public async Task CreateCollection_ManyInvalidFields_EachIsNamed()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var request = CollectionFlow.Request("hpy-many-invalid");
        request["amount"] = "0.10";
        request["email"] = "x";
        request["cvv"] = "1";
        request["clientType"] = "PC";

        var response = await CollectionFlow.CreateAsync(system, request);

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["amount", "clientType", "cvv", "email"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task CreateCollection_AmountAsJsonNumberWithTwoDecimals_IsAccepted()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateMerchantClient();
        var body = JsonSerializer
            .Serialize(CollectionFlow.Request("hpy-number-amount"))
            .Replace("\"12.50\"", "12.50", StringComparison.Ordinal);

        var response = await client.PostAsync(
            "/api/haipay/collections",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json")
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(
            "12.50",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetString()
        );
    }

    [Fact]
    public async Task CreateCollection_WithoutFunctionKey_401AndNothingWritten()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/haipay/collections", CollectionFlow.Request("hpy-no-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await system.SandboxPaymentAsync("hpy-no-key"));
    }
}
