using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;
using Payments.IntegrationTests.HaiPay;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// The documented request schemas say what the validators enforce: each required property, left out, is a 400 naming
/// it.
/// </summary>
public sealed class OpenApiContractTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string, string> Schemas() =>
        new()
        {
            { "CreateFrameRequest", "/api/huaweipin/frames" },
            { "CreateCollectionRequest", "/api/haipay/collections" },
            { "CreateSubscriptionRequest", "/api/haipay/subscriptions" },
        };

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task RequiredProperty_LeftOut_400NamingIt(string schema, string path)
    {
        using var document = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "openapi.json"))
        );
        var definition = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema);
        var documented = definition
            .GetProperty("properties")
            .EnumerateObject()
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        var required = definition.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToList();
        var sample = Sample(schema);
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateMerchantClient();

        Assert.Subset(documented, sample.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.NotEmpty(required);
        foreach (var property in required)
        {
            var body = new Dictionary<string, object?>(sample);
            body.Remove(property);
            var response = await client.PostAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(
                errors.TryGetProperty(property, out _),
                $"{schema}: leaving out {property} gave errors for "
                    + $"{string.Join(",", errors.EnumerateObject().Select(e => e.Name))}"
            );
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(path, sample)).StatusCode);
    }

    private static Dictionary<string, object?> Sample(string schema) =>
        schema switch
        {
            "CreateFrameRequest" => new()
            {
                ["orderId"] = "contract-frame",
                ["username"] = "alice",
                ["customerIp"] = "203.0.113.7",
            },
            "CreateCollectionRequest" => CollectionFlow.Request("contract-collection"),
            _ => SubscriptionFlow.Request("contract-subscription"),
        };
}
