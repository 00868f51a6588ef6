using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// The seed's two readings: its <c>subscription/apply</c> reply is unsigned (with a trailing comma), and
/// <c>collect/query</c> marks <c>orderId</c> required, also for a subscription charge.
/// </summary>
public sealed class SubscriptionApplyReplyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Create_UnsignedSeedShapedApplyReply_201PendingWithPayUrlThenActiveOnlyFromSignedQuery()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { notifications = false });

        var response = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("sub-seed-shape"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var atHaiPay = (await system.SandboxSubscriptionAsync("sub-seed-shape"))!.Value;
        var subscriptionNo = atHaiPay.GetProperty("subscriptionNo").GetString();
        Assert.Equal("Pending", created.GetProperty("status").GetString());
        Assert.Equal(subscriptionNo, created.GetProperty("subscriptionNo").GetString());
        var payUrl = created.GetProperty("payUrl").GetString()!;
        Assert.EndsWith($"/haipay/subscribe/{subscriptionNo}", payUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(system.Server.Logs.Lines(), l =>
            l.Contains("failed signature verification", StringComparison.Ordinal)
        );

        await CollectionFlow.CompleteAsync(payUrl, "success");
        Assert.Equal(
            "Pending",
            (await SubscriptionFlow.GetAsync(system, "sub-seed-shape")).GetProperty("status").GetString()
        );
        var refreshed = await SubscriptionFlow.GetAsync(system, "sub-seed-shape", refresh: true);

        Assert.Equal(
            ("Active", "2"),
            (refreshed.GetProperty("status").GetString(), refreshed.GetProperty("providerStatus").GetString())
        );
    }

    [Fact]
    public async Task Create_SignedApplyReplyFailsVerification_502UnknownWithoutPayUrl()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { badResponseSignature = true });

        var response = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request("sub-bad-sign"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var stored = await system
            .Server.Services.GetRequiredService<IOrderRepository>()
            .FindAsync("sub-bad-sign", default);
        Assert.Equal(
            (OrderStatus.Unknown, null, null),
            (stored!.Value.Status, stored.Value.RedirectUrl, stored.Value.ProviderReference)
        );
    }

    [Fact]
    public async Task Notify_ForgedChargeNotification_ChargeQueriedWithHaiPaysOrderIdAndRecorded()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                // The sandbox charges every second and retries a notification every 0.3 s: queries prompted by
                // unverified notifications must be allowed that often here (one per 5 min per subscription by default).
                ["HaiPay:UnverifiedQueryInterval"] = "00:00:00.200",
            }
        );
        await system.SetHaiPayFaultsAsync(new { badNotificationSignature = true });
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-charge-query");

        await CollectionFlow.CompleteAsync(payUrl, "success");

        var charged = await SubscriptionFlow.WaitAsync(system, "sub-charge-query", s =>
            SubscriptionFlow.Charges(s, "Succeeded").Count >= 1
        );
        var charge = SubscriptionFlow.Charges(charged, "Succeeded")[0];
        var atHaiPay = (await system.SandboxSubscriptionAsync("sub-charge-query"))!
            .Value.GetProperty("charges")
            .EnumerateArray()
            .Single(c => c.GetProperty("orderNo").GetString() == charge.GetProperty("orderNo").GetString());
        var queried = (await system.SandboxPaymentAsync(atHaiPay.GetProperty("orderId").GetString()!))!.Value;
        Assert.True(queried.GetProperty("queries").GetInt32() >= 1);
        Assert.DoesNotContain(system.Server.Logs.Lines(), l => l.Contains("parameter error", StringComparison.Ordinal));
    }
}
