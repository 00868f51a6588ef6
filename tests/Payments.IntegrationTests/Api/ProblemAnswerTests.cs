using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.Http.Problems;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// Every problem answer carries a documented stable code with its type URI, the request's W3C trace id and
/// <c>Cache-Control: no-store</c>, under both hosts.
/// </summary>
public sealed partial class ProblemAnswerTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string TraceParent = "00-" + TraceId + "-00f067aa0ba902b7-01";

    [Fact]
    public async Task EveryCode_ListedInProblemsPageAndOpenApiDocument()
    {
        var page = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "problems.md"));
        using var document = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "openapi.json"))
        );
        var declared = document
            .RootElement.GetProperty("components")
            .GetProperty("schemas")
            .GetProperty("ProblemDetails")
            .GetProperty("properties")
            .GetProperty("code")
            .GetProperty("enum")
            .EnumerateArray()
            .Select(code => code.GetString()!);
        var listed = TableCode().Matches(page).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value)));

        var codes = ProblemCodes.All.Select(code => code.Name).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes, declared);
        Assert.Equal(ProblemCodes.All.Select(code => (code.Name, code.Status)), listed);
    }

    [Fact]
    public async Task OrderNotFound_ServerRequestWithTraceParent_CodeTypeTraceIdAndNoStore()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateMerchantClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/no-such-order");
        request.Headers.Add("traceparent", TraceParent);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("order-not-found", "urn:payments:problem:order-not-found", TraceId),
            (
                problem.GetProperty("code").GetString(),
                problem.GetProperty("type").GetString(),
                problem.GetProperty("traceId").GetString()
            )
        );
    }

    [Fact]
    public async Task UnknownRoute_Server_FrameworkProblemStillCarriesCodeAndTraceId()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateMerchantClient();

        var response = await client.GetAsync("/api/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task OrderNotFound_FunctionsInvocation_TraceIdIsTheInvocationsTraceId()
    {
        await using var worker = await FunctionsWorker.StartAsync(
            azurite,
            Fixtures.TablePrefix.New(),
            new Dictionary<string, string?>()
        );

        var response = await worker.SendAsync(
            new FunctionRequest("GET", "/api/orders/no-such-order") { TraceParent = TraceParent }
        );

        Assert.Equal(404, response.Status);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        var problem = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal(
            ("order-not-found", TraceId),
            (problem.GetProperty("code").GetString(), problem.GetProperty("traceId").GetString())
        );
    }

    [GeneratedRegex(@"^\| `([a-z-]+)` \| (\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex TableCode();
}
