using System.Net;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

public sealed class SubscriptionValidationTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string, object?> InvalidFields() =>
        new()
        {
            { "subscriptionOrderId", "a/b" },
            { "subscriptionOrderId", "S~1" },
            { "subscriptionOrderId", new string('x', 49) },
            { "amount", "9.9" },
            { "amount", "1000.01" },
            { "name", "Madonna" },
            { "email", "not-an-email" },
            { "clientType", "DESKTOP" },
            { "accountNo", "4000056655665557" },
            { "expiryYear", "2020" },
            { "cvv", "12" },
            { "callBackUrl", null },
            { "customerIp", "999.1.1.1" },
            { "subject", null },
            { "partnerUserId", "user 1" },
            { "recurringInterval", null },
            { "recurringInterval", "Q" },
            { "recurringInterval", "d" },
            { "recurringIntervalCount", null },
            { "recurringIntervalCount", "0" },
            { "recurringIntervalCount", "1.5" },
            { "recurringIntervalCount", -2 },
            { "recurringIntervalCount", true },
            { "retryTimes", "-1" },
            { "retryTimes", 11 },
            { "retryTimes", "three" },
        };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task CreateSubscription_InvalidField_400NamingItNothingWrittenNoProviderCall(
        string field,
        object? value
    )
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var request = SubscriptionFlow.Request("sub-invalid");
        if (value is null)
        {
            request.Remove(field);
        }
        else
        {
            request[field] = value;
        }

        await AssertRejectedAsync(system, request, field);
    }

    [Theory]
    [InlineData("Y", "4")]
    [InlineData("M", "37")]
    [InlineData("W", "157")]
    [InlineData("D", "1097")]
    public async Task CreateSubscription_PeriodLongerThanThreeYears_400OnTheCount(string interval, string count) =>
        await AssertRejectedAsync(
            await PaymentsSystem.StartAsync(azurite),
            SubscriptionFlow.Request("sub-too-long", interval, count),
            "recurringIntervalCount"
        );

    [Fact]
    public async Task CreateSubscription_ThreeYearPeriodAndNoRetryTimes_AcceptedWithThreeRetries()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        var response = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("sub-three-years", "Y", 3));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            ("Y", 3, 3),
            (
                body.GetProperty("recurringInterval").GetString(),
                body.GetProperty("recurringIntervalCount").GetInt32(),
                body.GetProperty("retryTimes").GetInt32()
            )
        );
    }

    private static async Task AssertRejectedAsync(
        PaymentsSystem system,
        Dictionary<string, object?> request,
        string field
    )
    {
        await using (system)
        {
            var rowsBefore = await StorageScan.RowCountAsync(system.Server);

            var response = await SubscriptionFlow.CreateAsync(system, request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(
                [field],
                JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            );
            Assert.DoesNotContain(CollectionFlow.CardNumber, text, StringComparison.Ordinal);
            Assert.Equal(rowsBefore, await StorageScan.RowCountAsync(system.Server));
            Assert.Null(await system.SandboxSubscriptionAsync((string)request["subscriptionOrderId"]!));
        }
    }
}
