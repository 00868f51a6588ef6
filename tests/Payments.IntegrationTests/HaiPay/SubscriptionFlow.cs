using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HaiPay;

/// <summary>
/// What a merchant and a customer do with a HaiPay subscription: ask for it, confirm it, read it, cancel it.
/// </summary>
internal static class SubscriptionFlow
{
    public static Dictionary<string, object?> Request(
        string subscriptionId,
        string interval = "D",
        object? count = null
    )
    {
        var request = CollectionFlow.Request(subscriptionId, "9.99");
        request.Remove("orderId");
        request["subscriptionOrderId"] = subscriptionId;
        request["recurringInterval"] = interval;
        request["recurringIntervalCount"] = count ?? "1";
        return request;
    }

    public static async Task<HttpResponseMessage> CreateAsync(PaymentsSystem system, object body)
    {
        using var client = system.Server.CreateMerchantClient();
        return await client.PostAsJsonAsync("/api/haipay/subscriptions", body);
    }

    /// <summary>Creates a subscription and returns its 3-D Secure page.</summary>
    public static async Task<string> CreatedPayUrlAsync(PaymentsSystem system, string subscriptionId)
    {
        var response = await CreateAsync(system, Request(subscriptionId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var subscription = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pending", subscription.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(subscription.GetProperty("subscriptionNo").GetString()));
        return subscription.GetProperty("payUrl").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(PaymentsSystem system, string subscriptionId, bool refresh = false)
    {
        using var client = system.Server.CreateMerchantClient();
        return await client.GetFromJsonAsync<JsonElement>(
            $"/api/haipay/subscriptions/{Uri.EscapeDataString(subscriptionId)}{(refresh ? "?refresh=true" : string.Empty)}"
        );
    }

    public static async Task<HttpResponseMessage> CancelAsync(PaymentsSystem system, string subscriptionId)
    {
        using var client = system.Server.CreateMerchantClient();
        return await client.PostAsync($"/api/haipay/subscriptions/{Uri.EscapeDataString(subscriptionId)}/cancel", null);
    }

    /// <summary>
    /// Reads the subscription until <paramref name="done"/> holds (<paramref name="seconds"/> at most).
    /// </summary>
    public static async Task<JsonElement> WaitAsync(
        PaymentsSystem system,
        string subscriptionId,
        Func<JsonElement, bool> done,
        int seconds = 60
    )
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var subscription = await GetAsync(system, subscriptionId);
        while (!done(subscription))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Subscription {subscriptionId} did not get there in {seconds} s: {subscription}"
                );
            }

            await Task.Delay(50);
            subscription = await GetAsync(system, subscriptionId);
        }

        return subscription;
    }

    public static IReadOnlyList<JsonElement> Charges(JsonElement subscription, string? status = null) =>
        subscription
            .GetProperty("charges")
            .EnumerateArray()
            .Where(c => status is null || c.GetProperty("status").GetString() == status)
            .ToList();
}
