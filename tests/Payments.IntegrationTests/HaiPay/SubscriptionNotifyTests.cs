using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

public sealed class SubscriptionNotifyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Notify_EveryNotificationForged_401sAndChargesRecordedOnceFromSignedQueries()
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
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-forged");

        await CollectionFlow.CompleteAsync(payUrl, "success");
        var charged = await SubscriptionFlow.WaitAsync(system, "sub-forged", s =>
            SubscriptionFlow.Charges(s, "Succeeded").Count >= 2 && s.GetProperty("status").GetString() == "Active"
        );
        await SubscriptionFlow.CancelAsync(system, "sub-forged");

        Assert.Equal("Active", charged.GetProperty("status").GetString());
        var atHaiPay = (await system.SandboxSubscriptionAsync("sub-forged"))!.Value;
        Assert.All(atHaiPay.GetProperty("deliveries").EnumerateArray(), d =>
            Assert.Equal(401, d.GetProperty("status").GetInt32())
        );
        var recorded = SubscriptionFlow.Charges(charged).Select(c => c.GetProperty("orderNo").GetString()).ToList();
        Assert.Equal(recorded.Distinct().Count(), recorded.Count);
        var audit = system.Server.Services.GetRequiredService<IAuditLog>();
        Assert.Contains(await audit.ListAsync("sub-forged", DateTimeOffset.UtcNow, default).ToListAsync(), a =>
            a.Kind == AuditKinds.CallbackUnverified
        );
        var chargeAudit = await audit
            .ListAsync(
                SubscriptionFlow.Charges(charged)[0].GetProperty("orderId").GetString(),
                DateTimeOffset.UtcNow,
                default
            )
            .ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied], chargeAudit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Notify_ForgedChargeNumberBeforeTheGenuineCharges_GenuineUnverifiedChargesStillQueriedAndRecorded()
    {
        // The default interval (5 min): a claim taken for a made-up charge number must not be the one the genuine
        // charges need.
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await system.SetHaiPayFaultsAsync(new { badNotificationSignature = true });
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-claimed");

        var forged = await PostAsync(system, """{"subscriptionOrderId":"sub-claimed","orderNo":"999","sign":"x"}""");
        await CollectionFlow.CompleteAsync(payUrl, "success");
        var charged = await SubscriptionFlow.WaitAsync(system, "sub-claimed", s =>
            SubscriptionFlow.Charges(s, "Succeeded").Count >= 2
        );
        await SubscriptionFlow.CancelAsync(system, "sub-claimed");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.DoesNotContain(SubscriptionFlow.Charges(charged), c => c.GetProperty("orderNo").GetString() == "999");
    }

    [Fact]
    public async Task Notify_ChargeForAnUnknownSubscription_AcknowledgedAndRecordedAsUnmatched()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var body = Signed(
            new Dictionary<string, object?>
            {
                ["appId"] = PaymentsSystem.HaiPayAppId,
                ["currency"] = "USD",
                ["subscriptionOrderId"] = "sub-never-created",
                ["subscriptionNo"] = "4025071719404220010",
                ["orderId"] = "4025071719404220010-1-1",
                ["orderNo"] = "6023071013539123",
                ["amount"] = "9.99",
                ["status"] = 2,
            }
        );

        var response = await PostAsync(system, body);

        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        var unmatched = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(null, DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Contains(unmatched, a =>
            a.Kind == AuditKinds.CallbackUnmatched && a.Payload.Contains("sub-never-created", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Notify_SubscriptionChargeWithOrderIdButNoOrderNo_400NamingOrderNo()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var body = Signed(
            new Dictionary<string, object?>
            {
                ["appId"] = PaymentsSystem.HaiPayAppId,
                ["subscriptionOrderId"] = "sub-x",
                ["orderId"] = "charge-1",
                ["status"] = 2,
            }
        );

        var response = await PostAsync(system, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["orderNo"], errors.EnumerateObject().Select(e => e.Name));
    }

    private static string Signed(Dictionary<string, object?> fields)
    {
        using var unsigned = JsonDocument.Parse(JsonSerializer.Serialize(fields));
        using var platform = Core.HaiPay.HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate);
        fields["sign"] = Core.HaiPay.HaiPaySignature.SignObject(
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
