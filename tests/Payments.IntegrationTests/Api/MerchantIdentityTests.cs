using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// Every create carries a merchant-chosen identity, so a retry can never make a second provider order.
/// </summary>
public sealed class MerchantIdentityTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string, string> Creates() =>
        new()
        {
            { "/api/haipay/collections", "orderId" },
            { "/api/haipay/subscriptions", "subscriptionOrderId" },
            { "/api/huaweipin/frames", "orderId" },
        };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task Create_NeitherOrderIdNorIdempotencyKey_400NamingTheIdAndNothingWritten(
        string path,
        string idField
    )
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var body = BodyWithoutId(path);
        using var client = system.Server.CreateMerchantClient();

        var first = await client.PostAsJsonAsync(path, body);
        var retry = await client.PostAsJsonAsync(path, body);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (first.StatusCode, retry.StatusCode));
        var errors = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([idField], errors.EnumerateObject().Select(p => p.Name));
        Assert.Empty(await StorageScan.AllValuesAsync(system.Server));
    }

    [Fact]
    public async Task CreateCollection_IdempotencyKeyWithoutOrderIdRetriedAfterUnknown_SameOrderNoSecondHaiPayOrder()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        var body = JsonSerializer.Serialize(BodyWithoutId("/api/haipay/collections"));
        await system.SetHaiPayFaultsAsync(new { apply = "error" });
        var unknown = await PostWithKeyAsync(system, "retry-after-unknown", body);
        await system.SetHaiPayFaultsAsync(new { apply = "none" });

        var retried = await PostWithKeyAsync(system, "retry-after-unknown", body);

        Assert.Equal(HttpStatusCode.BadGateway, unknown.StatusCode);
        var firstId = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
        Assert.True(retried.IsSuccessStatusCode, $"{retried.StatusCode}: {await retried.Content.ReadAsStringAsync()}");
        Assert.Equal(
            firstId,
            (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()
        );
        using var sandbox = system.Sandbox.CreateClient();
        Assert.Equal(
            HttpStatusCode.OK,
            (await sandbox.GetAsync($"/haipay/_sandbox/orders/{Uri.EscapeDataString(firstId)}")).StatusCode
        );
    }

    private static Dictionary<string, object?> BodyWithoutId(string path)
    {
        Dictionary<string, object?> body = path switch
        {
            "/api/haipay/collections" => CollectionFlow.Request("unused"),
            "/api/haipay/subscriptions" => SubscriptionFlow.Request("unused"),
            _ => new() { ["username"] = "customer-1", ["customerIp"] = "203.0.113.7" },
        };
        body.Remove("orderId");
        body.Remove("subscriptionOrderId");
        return body;
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(PaymentsSystem system, string key, string body)
    {
        using var client = system.Server.CreateMerchantClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/haipay/collections")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
