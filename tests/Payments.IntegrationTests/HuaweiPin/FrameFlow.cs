using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

/// <summary>What a merchant and a customer do: ask for a frame, open it, pay or fail.</summary>
internal static partial class FrameFlow
{
    public static async Task<HttpResponseMessage> CreateFrameAsync(PaymentsSystem system, object body)
    {
        using var client = system.Server.CreateMerchantClient();
        return await client.PostAsJsonAsync("/api/huaweipin/frames", body);
    }

    public static async Task<string> CreatedIframeUrlAsync(PaymentsSystem system, string orderId)
    {
        var response = await CreateFrameAsync(
            system,
            new
            {
                orderId,
                username = "customer-1",
                customerIp = "203.0.113.7",
            }
        );
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var frame = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pending", frame.GetProperty("status").GetString());
        return frame.GetProperty("iframeUrl").GetString()!;
    }

    /// <summary>Opens the sandbox frame page as a browser would and submits its form.</summary>
    public static async Task<string> PayAsync(string iframeUrl, string amount, string outcome)
    {
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(new Uri(iframeUrl));
        var token = TokenInput().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["token"] = token,
                ["amount"] = amount,
                ["outcome"] = outcome,
            }
        );
        var response = await browser.PostAsync(new Uri(new Uri(iframeUrl), "complete"), form);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex TokenInput();
}
