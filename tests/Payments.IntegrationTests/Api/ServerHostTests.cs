using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

public sealed class ServerHostTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Fact]
    public async Task Health_StorageAnswers_Returns200()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateAnonymousClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_StorageStopped_Returns503ProblemAndRecovers()
    {
        var own = new AzuriteFixture();
        await own.InitializeAsync();
        try
        {
            await using var server = await ServerHost.StartAsync(own);
            using var client = server.CreateAnonymousClient();
            await own.StopAsync();

            var down = await client.GetAsync("/api/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            await own.StartAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetOrder_Unknown_Returns404Problem()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateMerchantClient();

        var response = await client.GetAsync("/api/orders/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task GetOrder_MissingOrWrongKey_Returns401Problem(string? key)
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/nope");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetOrder_KeyInCodeQueryParameter_IsAccepted()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateAnonymousClient();

        var response = await client.GetAsync($"/api/orders/nope?code={ServerHost.FunctionKey}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Returns404WithoutStackTrace()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateAnonymousClient();

        var response = await client.GetAsync("/api/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
