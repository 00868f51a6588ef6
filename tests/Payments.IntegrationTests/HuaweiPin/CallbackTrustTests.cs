using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Audit;
using Payments.Core.HuaweiPin;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

/// <summary>
/// Authenticated is not applicable: a verified callback is recorded whatever it says, and one that cannot be applied
/// goes to a person and is answered non-2xx (HUAWEIPIN has no query, so its retry is the only second chance). Only a
/// failed authentication is a 401, and it leaves a bounded summary.
/// </summary>
public sealed class CallbackTrustTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static string Body(
        string oid,
        string amount,
        string key = PaymentsSystem.CallbackKey,
        string status = "success"
    ) =>
        JsonSerializer.Serialize(
            new Dictionary<string, string>
            {
                ["merchant_oid"] = oid,
                ["merchant_callback_privatekey"] = key,
                ["status"] = status,
                ["amount"] = amount,
                ["hash"] = HuaweiPinHash.Compute(oid, amount, key),
            }
        );

    private static async Task<HttpResponseMessage> PostAsync(PaymentsSystem system, string body)
    {
        using var client = system.Server.CreateAnonymousClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/huaweipin/callback", UriKind.Relative), content);
    }

    [Theory]
    [InlineData("10,50")]
    [InlineData("1.05e1")]
    [InlineData(" 10.50")]
    [InlineData("-10.50")]
    public async Task VerifiedCallback_AmountUnreadable_RecordedOrderNeedsReviewWebhookAnd503(string amount)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Webhooks:Url"] = receiver.Url.AbsoluteUri,
                ["Secrets:Webhooks-SigningSecret"] = receiver.Secret,
                ["DeliverWebhooksSchedule"] = "*/1 * * * * *",
            }
        );
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-unreadable");

        var first = await PostAsync(system, Body("hp-unreadable", amount));
        var retry = await PostAsync(system, Body("hp-unreadable", amount));

        Assert.Equal(
            (HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable),
            (first.StatusCode, retry.StatusCode)
        );
        var order = await system.WaitForStatusAsync("hp-unreadable", "NeedsReview");
        Assert.Equal(ReviewReason.UnreadableCallback.Name(), order.GetProperty("reviewReason").GetString());
        Assert.Contains(amount, order.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var audit = await system
            .Server.Services.GetRequiredService<IAuditLog>()
            .ListAsync("hp-unreadable", default, default)
            .ToListAsync();
        Assert.Contains(audit, r =>
            r.Kind == AuditKinds.CallbackApplied && r.Payload.Contains(amount, StringComparison.Ordinal)
        );
        await receiver.WaitUntilAsync(d => d.Any(x => x.OrderId == "hp-unreadable" && x.Type == "order.needs_review"));
    }

    [Fact]
    public async Task MinorUnits_AmountTextInCents_RecordedInMajorUnits()
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["HuaweiPin:AmountUnit"] = "minor" }
        );
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-minor");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(system, Body("hp-minor", "1050"))).StatusCode);

        var order = await system.WaitForStatusAsync("hp-minor", "Succeeded");
        Assert.Equal("10.50", order.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task AmountUnitNotSet_ServerDoesNotStart()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            PaymentsSystem.StartAsync(
                azurite,
                new Dictionary<string, string?> { ["HuaweiPin:AmountUnit"] = string.Empty }
            )
        );

        Assert.Contains("HuaweiPin:AmountUnit", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallbackHashedWithThePreviousKey_AcceptedWhileItIsSet()
    {
        const string OldKey = "old-callback-key-before-rotation-3c1d";
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Secrets:HuaweiPin-PreviousCallbackKey"] = OldKey }
        );
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-old-key");

        var response = await PostAsync(system, Body("hp-old-key", "30.00", OldKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await system.WaitForStatusAsync("hp-old-key", "Succeeded");
    }

    [Fact]
    public async Task CallbackWithAnUnknownKey_401_OrderUnchanged_SummaryListedWithoutTheKey()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        await FrameFlow.CreatedIframeUrlAsync(system, "hp-forged");

        var response = await PostAsync(system, Body("hp-forged", "30.00", "a-key-nobody-configured-77f1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var merchant = system.Server.CreateMerchantClient();
        var order = await merchant.GetFromJsonAsync<JsonElement>("/api/orders/hp-forged");
        Assert.Equal("Pending", order.GetProperty("status").GetString());
        using var ops = system.Server.CreateOperatorClient();
        var listed = await ops.GetStringAsync(
            new Uri("/api/ops/attention?category=unverified-callbacks", UriKind.Relative)
        );
        Assert.Contains("hp-forged", listed, StringComparison.Ordinal);
        Assert.Contains("callback key", listed, StringComparison.Ordinal);
        var stored = await StorageScan.AllValuesAsync(system.Server);
        Assert.DoesNotContain(stored, v => v.Contains("a-key-nobody-configured-77f1", StringComparison.Ordinal));
    }
}
