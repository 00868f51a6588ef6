using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.Core.Orders;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

/// <summary>
/// HUAWEIPIN's <c>iframeUrl</c> goes into the merchant's page: only an absolute https link (http only where
/// <c>Links:AllowHttp</c> is on) reaches the merchant. A success reply with anything else created a frame whose page we
/// cannot ask for again (HUAWEIPIN has no query), so the order goes to a person (<c>pay-url-unknown</c>).
/// </summary>
public sealed class IframeUrlTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string, bool> UnusableLinks() =>
        new()
        {
            { "javascript:alert(document.domain)", true },
            { "data:text/html,<script>alert(1)</script>", true },
            { "/huaweipin/Payment/?Token=abc", true },
            { "https://user:pass@payment.example/Payment/?Token=abc", true },
            { "http://127.0.0.1:9/huaweipin/Payment/?Token=abc", false },
        };

    [Theory]
    [MemberData(nameof(UnusableLinks))]
    public async Task Frame_GetFrameSucceedsWithAnUnusableIframeUrl_NoLinkReachesTheMerchantAndPayUrlUnknown(
        string iframeUrl,
        bool allowHttp
    )
    {
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Links:AllowHttp"] = allowHttp ? "true" : "false" }
        );
        await system.SetHuaweiPinFaultsAsync(new { iframeUrl });
        var id = $"hp-link-{Math.Abs(iframeUrl.GetHashCode(StringComparison.Ordinal))}";

        var response = await FrameFlow.CreateFrameAsync(
            system,
            new
            {
                orderId = id,
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );

        var frame = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            (HttpStatusCode.Created, "NeedsReview", JsonValueKind.Null),
            (response.StatusCode, frame.GetProperty("status").GetString(), frame.GetProperty("iframeUrl").ValueKind)
        );
        using var client = system.Server.CreateMerchantClient();
        var order = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{id}");
        Assert.Equal(
            (JsonValueKind.Null, ReviewReason.PayUrlUnknown.Name()),
            (order.GetProperty("redirectUrl").ValueKind, order.GetProperty("reviewReason").GetString())
        );
    }
}
