using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Core.HaiPay;
using Payments.Core.Orders;
using Payments.IntegrationTests.Chaos;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;
using Payments.IntegrationTests.HuaweiPin;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// A repeated property name would let what is verified differ from what is applied (the
/// verifier and the business logic each pick "their" copy). Every body we receive refuses it: 400 naming the
/// property, nothing written, nothing applied; provider messages included (a genuinely signed one too).
/// </summary>
public sealed class DuplicateKeyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string Collection = "dup-collection";
    private const string Frame = "dup-frame";

    [Theory]
    [InlineData("collection")]
    [InlineData("subscription")]
    [InlineData("frame")]
    [InlineData("refund")]
    [InlineData("huaweipin-callback")]
    [InlineData("haipay-notification")]
    public async Task Post_BodyWithARepeatedPropertyName_400NamingItNothingWrittenNothingApplied(string kind)
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["HaiPayPollSchedule"] = "0 0 0 1 1 *",
                ["ExpireFramesSchedule"] = "0 0 0 1 1 *",
                ["DeliverWebhooksSchedule"] = "0 0 0 1 1 *",
            }
        );
        await CollectionFlow.CreatedPayUrlAsync(system, Collection);
        await FrameFlow.CreatedIframeUrlAsync(system, Frame);
        var (path, body, repeated) = Body(kind);
        var before = await StorageScan.AllValuesAsync(system.Server);
        using var client = kind.Contains('-', StringComparison.Ordinal)
            ? system.Server.CreateAnonymousClient()
            : system.Server.CreateMerchantClient();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(repeated, out _), errors.GetRawText());
        Assert.Equal(before, await StorageScan.AllValuesAsync(system.Server));
    }

    [Theory]
    [InlineData("haipay")]
    [InlineData("huaweipin")]
    public async Task Create_ProviderReplyRepeatsAProperty_NoUsableAnswerOrderUnknown(string provider)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        HttpResponseMessage response;
        if (provider == "haipay")
        {
            await system.SetHaiPayFaultsAsync(new { repeatedReplyProperty = true });
            response = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("dup-reply"));
        }
        else
        {
            await system.SetHuaweiPinFaultsAsync(new { getFrame = "repeatedProperty" });
            response = await FrameFlow.CreateFrameAsync(
                system,
                new
                {
                    orderId = "dup-reply",
                    username = "customer-1",
                    customerIp = "203.0.113.7",
                }
            );
        }

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(
            "Unknown",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderStatus").GetString()
        );
        Assert.Equal(
            "Unknown",
            (await system.WaitForStatusAsync("dup-reply", "Unknown")).GetProperty("status").GetString()
        );
    }

    private static (string Path, string Body, string Repeated) Body(string kind) =>
        kind switch
        {
            "collection" => (
                "/api/haipay/collections",
                Append(JsonSerializer.Serialize(CollectionFlow.Request("dup-new")), "\"amount\":\"99.00\""),
                "amount"
            ),
            "subscription" => (
                "/api/haipay/subscriptions",
                Append(JsonSerializer.Serialize(SubscriptionFlow.Request("dup-sub")), "\"recurringInterval\":\"Y\""),
                "recurringInterval"
            ),
            "frame" => (
                "/api/huaweipin/frames",
                "{\"orderId\":\"dup-frame-new\",\"username\":\"customer-1\",\"customerIp\":\"203.0.113.7\",\"orderId\":\"other\"}",
                "orderId"
            ),
            "refund" => (
                $"/api/haipay/collections/{Collection}/refunds",
                "{\"refundId\":\"r-1\",\"refundId\":\"r-2\"}",
                "refundId"
            ),
            "huaweipin-callback" => (
                "/api/huaweipin/callback",
                Append(
                    ProviderMessages
                        .HuaweiPin(Frame, OrderStatus.Succeeded, 12.50m, PaymentsSystem.CallbackKey, null)
                        .Body,
                    "\"status\":\"failed\""
                ),
                "status"
            ),
            _ => ("/api/haipay/notify", Append(SignedNotification(Collection, "6.25"), "\"amount\":null"), "amount"),
        };

    /// <summary>A genuinely signed status-2 notification for <paramref name="amount"/>.</summary>
    private static string SignedNotification(string orderId, string amount)
    {
        var fields = new JsonObject
        {
            ["appId"] = PaymentsSystem.HaiPayAppId,
            ["currency"] = "USD",
            ["orderId"] = orderId,
            ["orderNo"] = "6023071013531111",
            ["amount"] = amount,
            ["fee"] = "0.00",
            ["status"] = 2,
            ["payTime"] = "2026-11-22 10:00:00",
        };
        using var document = JsonDocument.Parse(fields.ToJsonString());
        fields["sign"] = HaiPaySignature.SignObject(
            document.RootElement,
            PaymentsSystem.HaiPayMerchantSecret,
            HaiPayKeys.PrivateKey(PaymentsSystem.HaiPayKeys.PlatformPrivate)
        );
        return fields.ToJsonString();
    }

    private static string Append(string json, string property) => json[..json.LastIndexOf('}')] + "," + property + "}";
}
