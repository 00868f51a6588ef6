using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.HuaweiPin;

public sealed class FrameValidationTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    public static TheoryData<string, string> InvalidFields() =>
        new()
        {
            { """{"orderId":"a/b","username":"u","customerIp":"203.0.113.7"}""", "orderId" },
            { """{"orderId":"S~602","username":"u","customerIp":"203.0.113.7"}""", "orderId" },
            { """{"orderId":"a?b","username":"u","customerIp":"203.0.113.7"}""", "orderId" },
            { """{"orderId":"a\u0001b","username":"u","customerIp":"203.0.113.7"}""", "orderId" },
            { $$"""{"orderId":"{{new string('x', 49)}}","username":"u","customerIp":"203.0.113.7"}""", "orderId" },
            { """{"orderId":"","username":"u","customerIp":"203.0.113.7"}""", "orderId" },
            { """{"orderId":42,"username":"u","customerIp":"203.0.113.7"}""", "orderId" },
            { """{"username":"","customerIp":"203.0.113.7"}""", "username" },
            { """{"customerIp":"203.0.113.7"}""", "username" },
            { $$"""{"username":"{{new string('u', 101)}}","customerIp":"203.0.113.7"}""", "username" },
            { """{"username":["u"],"customerIp":"203.0.113.7"}""", "username" },
            { """{"username":"u","customerIp":"1"}""", "customerIp" },
            { """{"username":"u","customerIp":"999.1.1.1"}""", "customerIp" },
            { """{"username":"u","customerIp":"localhost"}""", "customerIp" },
            { """{"username":"u"}""", "customerIp" },
        };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task CreateFrame_InvalidField_400NamingItAndNothingWritten(string body, string field)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateMerchantClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/huaweipin/frames", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(
            errors.TryGetProperty(field, out _),
            $"errors name {string.Join(",", errors.EnumerateObject().Select(p => p.Name))}"
        );
        Assert.Empty(await StorageScan.AllValuesAsync(system.Server));
    }

    [Fact]
    public async Task CreateFrame_EveryFieldBad_NamesEachOne()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateMerchantClient();

        var response = await client.PostAsJsonAsync(
            "/api/huaweipin/frames",
            new
            {
                orderId = "a#b",
                username = "",
                customerIp = "x",
            }
        );

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["customerIp", "orderId", "username"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task CreateFrame_WithoutKey_401AndNothingWritten()
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);
        using var client = system.Server.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync(
            "/api/huaweipin/frames",
            new
            {
                orderId = "frame-no-key",
                username = "u",
                customerIp = "203.0.113.7",
            }
        );

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await StorageScan.AllValuesAsync(system.Server));
    }

    [Theory]
    [InlineData("quote'd \"id\" 100% ünï")]
    [InlineData("x') or (PartitionKey ne '")]
    public async Task CreateFrame_OrderIdWithQuotesSpacesPercentUnicode_RoundTripsThroughTheApi(string orderId)
    {
        await using var system = await PaymentsSystem.StartAsync(azurite);

        await FrameFlow.CreatedIframeUrlAsync(system, orderId);

        Assert.Equal(orderId, (await system.WaitForStatusAsync(orderId, "Pending")).GetProperty("orderId").GetString());
    }
}
