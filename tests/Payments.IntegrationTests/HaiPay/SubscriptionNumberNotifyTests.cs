using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// Subscription and charge notifications that name the subscription only by HaiPay's <c>subscriptionNo</c> (their
/// fields are not published): found through the index kept with the subscription's HaiPay number, then handled like one
/// naming
/// <c>subscriptionOrderId</c>; one naming both, in disagreement, is trusted for neither.
/// </summary>
public sealed class SubscriptionNumberNotifyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Notify_SignedChargeNamingOnlySubscriptionNo_ChargeRecordedOnceAndRepeatsChangeNothing()
    {
        await using var system = await StartAsync();
        var subscriptionNo = await CreateAsync(system, "sub-by-number");
        var body = Signed(
            new Dictionary<string, object?>
            {
                ["appId"] = PaymentsSystem.HaiPayAppId,
                ["currency"] = "USD",
                ["subscriptionNo"] = subscriptionNo,
                ["orderId"] = $"{subscriptionNo}-1-1",
                ["orderNo"] = "6023071013539001",
                ["amount"] = "9.99",
                ["status"] = 2,
            }
        );

        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 3; i++)
        {
            var response = await PostAsync(system, body);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, "SUCCESS"), a));
        var charges = SubscriptionFlow.Charges(await SubscriptionFlow.GetAsync(system, "sub-by-number"));
        var charge = Assert.Single(charges);
        Assert.Equal(
            ("6023071013539001", "Succeeded", "9.99"),
            (
                charge.GetProperty("orderNo").GetString(),
                charge.GetProperty("status").GetString(),
                charge.GetProperty("amount").GetString()
            )
        );
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(charge.GetProperty("orderId").GetString(), DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Equal([AuditKinds.CallbackApplied], audit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Notify_SignedSubscriptionStatusNamingOnlySubscriptionNo_AppliedToThatSubscription()
    {
        await using var system = await StartAsync();
        var subscriptionNo = await CreateAsync(system, "sub-status-by-number");

        var response = await PostAsync(
            system,
            Signed(
                new Dictionary<string, object?>
                {
                    ["appId"] = PaymentsSystem.HaiPayAppId,
                    ["currency"] = "USD",
                    ["subscriptionNo"] = subscriptionNo,
                    ["status"] = 3,
                }
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subscription = await SubscriptionFlow.GetAsync(system, "sub-status-by-number");
        Assert.Equal(
            ("Failed", "3"),
            (subscription.GetProperty("status").GetString(), subscription.GetProperty("providerStatus").GetString())
        );
    }

    [Fact]
    public async Task Notify_SubscriptionOrderIdAndSubscriptionNoOfAnotherSubscription_NeitherChangedAndRecordedAsConflict()
    {
        await using var system = await StartAsync();
        await CreateAsync(system, "sub-named");
        var otherNo = await CreateAsync(system, "sub-numbered");
        var charge = Signed(
            new Dictionary<string, object?>
            {
                ["appId"] = PaymentsSystem.HaiPayAppId,
                ["currency"] = "USD",
                ["subscriptionOrderId"] = "sub-named",
                ["subscriptionNo"] = otherNo,
                ["orderId"] = $"{otherNo}-1-1",
                ["orderNo"] = "6023071013539002",
                ["amount"] = "9.99",
                ["status"] = 2,
            }
        );
        var status = Signed(
            new Dictionary<string, object?>
            {
                ["appId"] = PaymentsSystem.HaiPayAppId,
                ["currency"] = "USD",
                ["subscriptionOrderId"] = "sub-named",
                ["subscriptionNo"] = otherNo,
                ["status"] = 4,
            }
        );

        var responses = new[] { await PostAsync(system, charge), await PostAsync(system, status) };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var id in new[] { "sub-named", "sub-numbered" })
        {
            var subscription = await SubscriptionFlow.GetAsync(system, id);
            Assert.Equal(
                ("Pending", 0),
                (subscription.GetProperty("status").GetString(), SubscriptionFlow.Charges(subscription).Count)
            );
        }

        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("sub-named", DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Equal([AuditKinds.CallbackConflict, AuditKinds.CallbackConflict], audit.Select(a => a.Kind));
    }

    [Fact]
    public async Task Notify_SignedChargeNamingAnUnknownSubscriptionNo_AcknowledgedAndRecordedAsUnmatched()
    {
        await using var system = await StartAsync();
        await CreateAsync(system, "sub-known");

        var response = await PostAsync(
            system,
            Signed(
                new Dictionary<string, object?>
                {
                    ["appId"] = PaymentsSystem.HaiPayAppId,
                    ["currency"] = "USD",
                    ["subscriptionNo"] = "4025071719404229999",
                    ["orderNo"] = "6023071013539003",
                    ["amount"] = "9.99",
                    ["status"] = 2,
                }
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unmatched = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync(null, DateTimeOffset.UtcNow, default)
            .ToListAsync();
        Assert.Contains(unmatched, a =>
            a.Kind == AuditKinds.CallbackUnmatched
            && a.Payload.Contains("4025071719404229999", StringComparison.Ordinal)
        );
        Assert.Empty(SubscriptionFlow.Charges(await SubscriptionFlow.GetAsync(system, "sub-known")));
    }

    [Fact]
    public async Task Notify_UnverifiedChargeNamingOnlySubscriptionNo_401AndChargeRecordedFromHaiPaysSignedReply()
    {
        await using var system = await StartAsync();
        var payUrl = await SubscriptionFlow.CreatedPayUrlAsync(system, "sub-unverified-number");
        var subscriptionNo = (await SubscriptionFlow.GetAsync(system, "sub-unverified-number"))
            .GetProperty("subscriptionNo")
            .GetString();
        await CollectionFlow.CompleteAsync(payUrl, "success");
        var atHaiPay = await WaitForChargeAsync(system, "sub-unverified-number");
        var forged =
            $$"""{"appId":"{{PaymentsSystem.HaiPayAppId}}","currency":"USD","subscriptionNo":"{{subscriptionNo}}","orderId":"{{atHaiPay.GetProperty("orderId").GetString()}}","orderNo":"{{atHaiPay.GetProperty("orderNo").GetString()}}","amount":"9.99","status":2,"sign":"eA=="}""";

        var response = await PostAsync(system, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var recorded = SubscriptionFlow.Charges(await SubscriptionFlow.GetAsync(system, "sub-unverified-number"));
        Assert.Equal(
            [atHaiPay.GetProperty("orderNo").GetString()],
            recorded.Select(c => c.GetProperty("orderNo").GetString())
        );
        await SubscriptionFlow.CancelAsync(system, "sub-unverified-number");
    }

    private static async Task<JsonElement> WaitForChargeAsync(PaymentsSystem system, string subscriptionId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var charges = (await system.SandboxSubscriptionAsync(subscriptionId))!.Value.GetProperty("charges");
            if (charges.GetArrayLength() > 0)
            {
                return charges[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"HaiPay's sandbox made no charge for {subscriptionId}");
            await Task.Delay(50);
        }
    }

    private async Task<PaymentsSystem> StartAsync()
    {
        var system = await PaymentsSystem.StartAsync(azurite);
        // Only the notifications these tests sign reach the service.
        await system.SetHaiPayFaultsAsync(new { notifications = false });
        return system;
    }

    /// <returns>HaiPay's number for the subscription, as the service keeps it.</returns>
    private static async Task<string> CreateAsync(PaymentsSystem system, string subscriptionId)
    {
        await SubscriptionFlow.CreatedPayUrlAsync(system, subscriptionId);
        return (await SubscriptionFlow.GetAsync(system, subscriptionId)).GetProperty("subscriptionNo").GetString()!;
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
