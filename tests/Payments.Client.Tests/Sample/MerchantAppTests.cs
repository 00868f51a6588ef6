using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MerchantApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Payments.Client.Tests.Fixtures;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HuaweiPin;
using Payments.Testing;

namespace Payments.Client.Tests.Sample;

/// <summary>
/// <c>samples/MerchantApp</c> against the real Server: it creates an order through Payments.Client, and takes in
/// the Server's signed notification for it, refusing unsigned and forged ones.
/// </summary>
public sealed class MerchantAppTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Theory]
    [InlineData("")]
    [InlineData("not-a-whsec-secret")]
    public void Build_BlankOrMalformedWebhookSecret_StopsAtStartNamingTheSetting(string secret)
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            MerchantApplication.Build(["--urls", "http://127.0.0.1:0"], builder =>
            {
                builder.Logging.ClearProviders();
                builder.Configuration.AddInMemoryCollection(
                    new Dictionary<string, string?> { ["Payments:WebhookSecret"] = secret }
                );
            })
        );

        Assert.Contains("Payments:WebhookSecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_Paid_ShopReceivesTheServersVerifiedWebhook_AndRefusesUnverifiedOnes()
    {
        var secret = WebhookSettings.NewSecret();
        var shopUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        await using var system = await PaymentsSystem.StartAsync(
            azurite,
            WebhookSettings.SendingTo(new Uri(shopUrl, "/webhooks"), secret)
        );
        var shop = MerchantApplication.Build(["--urls", shopUrl.AbsoluteUri], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Payments:BaseAddress"] = system.Server.BaseAddress.AbsoluteUri,
                    ["Payments:FunctionKey"] = ServerHost.FunctionKey,
                    ["Payments:WebhookSecret"] = secret,
                }
            );
        });
        await shop.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = shopUrl };
            var checkout = await http.PostAsJsonAsync(
                "/checkout",
                new
                {
                    orderId = "shop-1001",
                    username = "alice",
                    customerIp = "203.0.113.7",
                }
            );
            checkout.EnsureSuccessStatusCode();
            var frame = await checkout.Content.ReadFromJsonAsync<JsonElement>();
            await FrameFlow.PayAsync(frame.GetProperty("iframeUrl").GetString()!, "25.00", "success");
            var events = await Eventually.ReadAsync(
                () => http.GetFromJsonAsync<JsonElement>("/events"),
                e => e.GetArrayLength() > 0
            );
            using var unsigned = new StringContent(events[0].GetRawText());
            var forged = Forged(events[0].GetRawText(), events[0].GetProperty("id").GetString()!);

            var received = Assert.Single(events.EnumerateArray());
            Assert.Equal("order.succeeded", received.GetProperty("type").GetString());
            Assert.Equal("shop-1001", received.GetProperty("data").GetProperty("orderId").GetString());
            Assert.Equal("Succeeded", received.GetProperty("data").GetProperty("status").GetString());
            Assert.StartsWith("evt_", received.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/webhooks", unsigned)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
        }
        finally
        {
            await shop.StopAsync();
            await shop.DisposeAsync();
        }
    }

    /// <summary>A notification signed with a secret the shop does not have.</summary>
    private static HttpRequestMessage Forged(string body, string id)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var key = Core.Webhooks.WebhookSignature.KeyOf(WebhookSettings.NewSecret())!;
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Core.Webhooks.WebhookSignature.Sign([key], id, now, bytes));
        return request;
    }
}
