using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>What a merchant and a customer do with HaiPay: ask for a collection, pass 3-D Secure, refund.</summary>
internal static class CollectionFlow
{
    public const string CardNumber = "4000056655665556";
    public const string Cvv = "7391";
    public const string ExpiryMonth = "11";
    public const string ExpiryYear = "2031";

    public static Dictionary<string, object?> Request(string orderId, string amount = "12.50") =>
        new()
        {
            ["orderId"] = orderId,
            ["amount"] = amount,
            ["name"] = "Donald John Trump",
            ["email"] = "buyer@example.com",
            ["phone"] = "09123456789",
            ["country"] = "PH",
            ["clientType"] = "WEB",
            ["accountNo"] = CardNumber,
            ["expiryMonth"] = ExpiryMonth,
            ["expiryYear"] = ExpiryYear,
            ["cvv"] = Cvv,
            ["referer"] = "https://shop.example.com/checkout",
            ["callBackUrl"] = "https://shop.example.com/paid",
            ["userAgent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/114.0",
            ["customerIp"] = "142.250.191.174",
            ["subject"] = "iPhone 16 ProMax 256G",
            ["partnerUserId"] = "user-9527",
        };

    public static async Task<HttpResponseMessage> CreateAsync(PaymentsSystem system, object body)
    {
        using var client = system.Server.CreateMerchantClient();
        return await client.PostAsJsonAsync("/api/haipay/collections", body);
    }

    /// <summary>Creates a collection and returns its 3-D Secure page.</summary>
    public static async Task<string> CreatedPayUrlAsync(PaymentsSystem system, string orderId, string amount = "12.50")
    {
        var response = await CreateAsync(system, Request(orderId, amount));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var collection = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pending", collection.GetProperty("status").GetString());
        Assert.Equal("5556", collection.GetProperty("cardLast4").GetString());
        return collection.GetProperty("payUrl").GetString()!;
    }

    /// <summary>Opens the 3-D Secure page as a browser would and presses one of its buttons.</summary>
    public static async Task<string> CompleteAsync(string payUrl, string outcome)
    {
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(new Uri(payUrl));
        Assert.Contains($"value=\"{outcome}\"", page, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = outcome });
        var response = await browser.PostAsync(new Uri(payUrl), form);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<HttpResponseMessage> SyncAsync(PaymentsSystem system, string orderId)
    {
        using var client = system.Server.CreateMerchantClient();
        return await client.PostAsync($"/api/orders/{Uri.EscapeDataString(orderId)}/sync", null);
    }

    public static async Task<HttpResponseMessage> RefundAsync(
        PaymentsSystem system,
        string orderId,
        object? body = null
    )
    {
        using var client = system.Server.CreateMerchantClient();
        return body is null
            ? await client.PostAsync($"/api/haipay/collections/{Uri.EscapeDataString(orderId)}/refunds", null)
            : await client.PostAsJsonAsync($"/api/haipay/collections/{Uri.EscapeDataString(orderId)}/refunds", body);
    }
}
