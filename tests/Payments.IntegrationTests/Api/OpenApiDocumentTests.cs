using System.Text.Json;
using System.Text.RegularExpressions;
using Payments.Http.Endpoints;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document the Server serves is the one checked in as <c>docs/openapi.json</c>, describes every route,
/// and <c>docs/payments.http</c> has a request for each. After an API change: <c>scripts/update-openapi</c>.
/// </summary>
public sealed partial class OpenApiDocumentTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private static readonly string CheckedIn = Path.Combine(RepositoryRoot.Path, "docs", "openapi.json");

    /// <summary>
    /// Redocly CLI (from the npm lock file, rules in <c>redocly.yaml</c>) finds no error in the checked-in document.
    /// </summary>
    [Fact]
    public async Task CheckedInDocument_RedoclyLint_NoError()
    {
        var start = new System.Diagnostics.ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in new[] { "node_modules/@redocly/cli/bin/cli.js", "lint", "docs/openapi.json" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var lint = System.Diagnostics.Process.Start(start)!;
        var output = lint.StandardOutput.ReadToEndAsync();
        var errors = lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();

        Assert.True(lint.ExitCode == 0, $"redocly lint failed:\n{await output}\n{await errors}");
    }

    [Fact]
    public async Task Served_EqualsCheckedInCopy()
    {
        var served = await ServedAsync();

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CheckedIn, served);
        }

        var actual = Path.Combine(RepositoryRoot.Path, "artifacts", "openapi.actual.json");
        var same = File.Exists(CheckedIn) && Normalize(await File.ReadAllTextAsync(CheckedIn)) == Normalize(served);
        if (!same)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(actual)!);
            await File.WriteAllTextAsync(actual, served);
        }

        Assert.True(
            same,
            $"docs/openapi.json differs from what the Server serves (written to {actual}); run scripts/update-openapi "
                + $"and review the diff."
        );
    }

    [Fact]
    public async Task Served_DescribesEveryRouteOnceWithItsMethod()
    {
        using var document = JsonDocument.Parse(await ServedAsync());

        var documented = document
            .RootElement.GetProperty("paths")
            .EnumerateObject()
            .SelectMany(path =>
                path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}")
            )
            .Order(StringComparer.Ordinal);

        Assert.Equal(ApiRoutes.All.Select(Line).Order(StringComparer.Ordinal), documented);
    }

    [Fact]
    public async Task Served_MerchantPostsTakeIdempotencyKeyAndFunctionKey()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        var paths = document.RootElement.GetProperty("paths");

        foreach (var route in ApiRoutes.All)
        {
            var operation = paths
                .GetProperty($"/{ApiRoutes.Prefix}/{route.Route}")
                .GetProperty(route.Method.ToLowerInvariant());
            var headers = operation.TryGetProperty("parameters", out var parameters)
                ? parameters
                    .EnumerateArray()
                    .Where(p => p.GetProperty("in").GetString() == "header")
                    .Select(p => p.GetProperty("name").GetString())
                    .ToList()
                : [];
            Assert.Equal(
                route.Access == AccessLevel.Function && route.Method == "POST",
                headers.Contains("Idempotency-Key")
            );
            Assert.True(operation.TryGetProperty("security", out var security), route.Name);
            if (route.Access == AccessLevel.Anonymous)
            {
                Assert.Equal(0, security.GetArrayLength());
            }
            else
            {
                var schemes = security.EnumerateArray().Select(r => Assert.Single(r.EnumerateObject()).Name);
                Assert.Equal(
                    route.Access == AccessLevel.Operator ? ["operatorKey", "operatorSignIn"] : ["functionKey"],
                    schemes
                );
            }
        }
    }

    [Fact]
    public async Task HttpFile_HasARequestForEveryRoute()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot.Path, "docs", "payments.http"));
        var requests = lines
            .Select(l => RequestLine().Match(l))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} {PathVariable().Replace(m.Groups[2].Value, "{x}")}")
            .ToHashSet(StringComparer.Ordinal);

        foreach (var route in ApiRoutes.All)
        {
            Assert.Contains($"{route.Method} /{ApiRoutes.Prefix}/{Braces().Replace(route.Route, "{x}")}", requests);
        }
    }

    private static string Line(ApiRoute route) => $"{route.Method} /{ApiRoutes.Prefix}/{route.Route}";

    private static string Normalize(string json) => json.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    private async Task<string> ServedAsync()
    {
        await using var server = await ServerHost.StartAsync(azurite);
        using var client = server.CreateAnonymousClient();
        return await client.GetStringAsync("/api/openapi/v1.json");
    }

    /// <summary><c>POST {{baseUrl}}/api/orders/{{orderId}}/sync</c> without the query string.</summary>
    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|PATCH) \{\{baseUrl\}\}([^ ?]+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{[^}]+\}\}")]
    private static partial Regex PathVariable();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Braces();
}
