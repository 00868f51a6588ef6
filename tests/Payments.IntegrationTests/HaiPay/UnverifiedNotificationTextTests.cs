using System.Net;
using System.Text;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// Whatever an anonymous caller writes into a notification is untrusted text: the order id it claims may be a card
/// number (a valid order id by FieldRules), and it must reach the logs at most as its last four, as every other
/// provider text does.
/// </summary>
public sealed class UnverifiedNotificationTextTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Card = CollectionFlow.CardNumber;

    [Fact]
    public async Task Notify_UnverifiedNamingACardNumberAsItsOrder_401AndNoLogLineKeepsTheNumber()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var body =
            $$"""{"appId":{{PaymentsSystem.HaiPayAppId}},"currency":"USD","orderId":"{{Card}}","orderNo":"1","amount":"1.00","status":2,"sign":"AAAA"}""";
        using var client = system.Server.CreateAnonymousClient();

        var response = await client.PostAsync(
            new Uri("/api/haipay/notify", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json")
        );

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var logs = system.Server.Logs.Lines();
        Assert.DoesNotContain(logs, line => line.Contains(Card, StringComparison.Ordinal));
    }
}
