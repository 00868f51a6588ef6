using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Sandbox;

/// <summary>Calls the sandbox's control routes as <c>scripts/sandbox</c> does: JSON in, JSON out.</summary>
internal static class SandboxControl
{
    public static async Task<(int Status, JsonElement Body)> SendAsync(
        PaymentsSystem system,
        HttpMethod method,
        string path,
        string? json = null
    )
    {
        using var client = system.Sandbox.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
        return ((int)response.StatusCode, body);
    }

    public static Task<(int Status, JsonElement Body)> PostAsync(PaymentsSystem system, string path, string json) =>
        SendAsync(system, HttpMethod.Post, path, json);

    /// <summary>The fields a 400 problem answer names, in order, joined by commas.</summary>
    public static string BadFields(JsonElement problem) =>
        string.Join(
            ',',
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)
        );

    /// <summary>The order as the Server answers it.</summary>
    public static async Task<JsonElement> OrderAsync(PaymentsSystem system, string orderId)
    {
        using var client = system.Server.CreateMerchantClient();
        return await client.GetFromJsonAsync<JsonElement>($"/api/orders/{Uri.EscapeDataString(orderId)}");
    }
}
