using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.Core.Text;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// HaiPay numbers subscriptions per merchant account (one per currency): the <c>subscriptionNo</c> index is keyed by
/// number and account, so a message signed by the USD account about its subscription N never moves the EUR account's
/// subscription that happens to hold N.
/// </summary>
public sealed class SubscriptionNumberAccountTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Number = "4025071719408888";

    [Fact]
    public async Task Notify_UsdSignedChargeNamingOnlyTheNumberOfAnEurSubscription_NoChargeRecordedOnIt()
    {
        await using var system = await StartAsync();
        var orders = system.Server.Services.GetRequiredService<IOrderRepository>();
        await orders.AddAsync(EurSubscription("sub-eur-charge"), default);

        var response = await PostAsync(
            system,
            SignedByUsd(
                new Dictionary<string, object?>
                {
                    ["appId"] = PaymentsSystem.HaiPayAppId,
                    ["currency"] = "USD",
                    ["subscriptionNo"] = Number,
                    ["orderId"] = "usd-charge-1",
                    ["orderNo"] = "6023071013538888",
                    ["amount"] = "9.99",
                    ["status"] = 2,
                }
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(
            await orders.FindAsync(SubscriptionCharges.ChargeId("sub-eur-charge", "6023071013538888"), default)
        );
    }

    [Fact]
    public async Task Notify_UsdSignedStatusNamingOnlyTheNumberOfAnEurSubscription_EurSubscriptionStaysActive()
    {
        await using var system = await StartAsync();
        var orders = system.Server.Services.GetRequiredService<IOrderRepository>();
        await orders.AddAsync(EurSubscription("sub-eur-status"), default);

        var response = await PostAsync(
            system,
            SignedByUsd(
                new Dictionary<string, object?>
                {
                    ["appId"] = PaymentsSystem.HaiPayAppId,
                    ["currency"] = "USD",
                    ["subscriptionNo"] = Number,
                    ["status"] = 3,
                }
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Active, (await orders.FindAsync("sub-eur-status", default))!.Value.Status);
    }

    private static PaymentOrder EurSubscription(string id) =>
        TestOrders.New(id) with
        {
            Kind = OrderKind.Subscription,
            Currency = "EUR",
            Status = OrderStatus.Active,
            ProviderReference = Number,
            ProviderStatus = ProviderText.Of("2"),
        };

    private async Task<PaymentsSystem> StartAsync()
    {
        var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        return system;
    }

    private static string SignedByUsd(Dictionary<string, object?> fields)
    {
        using var unsigned = JsonDocument.Parse(JsonSerializer.Serialize(fields));
        using var platform = HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate);
        fields["sign"] = HaiPaySignature.SignObject(
            unsigned.RootElement,
            PaymentsSystem.HaiPayMerchantSecret,
            platform
        );
        return JsonSerializer.Serialize(fields);
    }

    private static async Task<HttpResponseMessage> PostAsync(PaymentsSystem system, string body)
    {
        using var client = system.Server.CreateAnonymousClient();
        return await client.PostAsync(
            "/api/haipay/notify",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json")
        );
    }
}
