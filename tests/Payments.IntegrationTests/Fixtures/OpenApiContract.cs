using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// Holds every answer the HTTP tests see to <c>docs/openapi.json</c>: a route under <c>/api/</c> is documented with
/// its method, the status is one the operation declares, and a JSON body parses with no member repeated and matches
/// the declared schema (JSON Schema 2020-12, as OpenAPI 3.1 defines it). A mismatch throws
/// <see cref="ContractViolationException"/> from the request, failing the test that sent it.
/// </summary>
public static class OpenApiContract
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "openapi.json")))!.AsObject()
    );

    private static readonly Lazy<IReadOnlyList<(Regex Pattern, string Template)>> Paths = new(() =>
        [
            .. Document.Value["paths"]!
                .AsObject()
                .Select(path => path.Key)
                .OrderByDescending(template => template.Count(c => c != '{'))
                .Select(template =>
                    (
                        new Regex(
                            "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$",
                            RegexOptions.CultureInvariant
                        ),
                        template
                    )
                ),
        ]
    );

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>Checks one answer; throws <see cref="ContractViolationException"/> naming what disagrees.</summary>
    public static void Check(string method, string path, int status, string? mediaType, string body)
    {
        if (
            !path.StartsWith("/api/", StringComparison.Ordinal)
            || path.StartsWith("/api/openapi/", StringComparison.Ordinal)
        )
        {
            return;
        }

        var what = $"{method} {path} answered {status}";
        JsonElement? json = null;
        if (IsJson(mediaType) && body.Length > 0)
        {
            try
            {
                using var parsed = JsonDocument.Parse(body, Strict);
                json = parsed.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new ContractViolationException($"{what}: the body is not JSON with unique members: {e.Message}");
            }
        }

        var template = Paths.Value.FirstOrDefault(p => p.Pattern.IsMatch(path)).Template;
        var operation = template is null
            ? null
            : Document.Value["paths"]![template]![method.ToLowerInvariant()]?.AsObject();
        if (operation is null)
        {
            // The framework's own answers to an unknown route or method: a problem, nothing else.
            if (status is 404 or 405 && (json is null || IsProblem(mediaType)))
            {
                Validate(what, "#/components/schemas/ProblemDetails", json);
                return;
            }

            throw new ContractViolationException($"{what}: the route and method are not in docs/openapi.json");
        }

        var responses = operation["responses"]!.AsObject();
        var response = responses[status.ToString(CultureInfo.InvariantCulture)] ?? responses["default"];
        if (response is null)
        {
            throw new ContractViolationException(
                $"{what}: {template} declares only {string.Join(", ", responses.Select(r => r.Key))}"
            );
        }

        var content = response["content"]?.AsObject();
        if (body.Length == 0)
        {
            if (content is { Count: > 0 })
            {
                throw new ContractViolationException(
                    $"{what} with no body: {template} declares {string.Join(", ", content.Select(c => c.Key))}"
                );
            }

            return;
        }

        var declared = content?.FirstOrDefault(c => SameMediaType(c.Key, mediaType));
        if (declared?.Value is not { } media)
        {
            throw new ContractViolationException(
                $"{what} as {mediaType}: {template} declares "
                    + $"{(content is null ? "no body" : string.Join(", ", content.Select(c => c.Key)))}"
            );
        }

        if (json is null)
        {
            return;
        }

        var key = $"{method} {template} {status} {declared.Value.Key}";
        Validate(what, key, json, media["schema"]);
    }

    private static void Validate(string what, string key, JsonElement? json, JsonNode? schema = null)
    {
        if (json is not { } instance)
        {
            return;
        }

        var built = Schemas.GetOrAdd(key, _ => Build(key, schema ?? new JsonObject { ["$ref"] = key }));
        var result = built.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? [])
                .Prepend(result)
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .Take(8);
            throw new ContractViolationException(
                $"{what}: the body does not match docs/openapi.json: {string.Join("; ", errors)}\n{instance}"
            );
        }
    }

    private static JsonSchema Build(string key, JsonNode schema)
    {
        var text = schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var root = JsonNode.Parse(text)!.AsObject();
        var definitions = Document.Value["components"]!["schemas"]!.ToJsonString();
        root["$defs"] = JsonNode.Parse(
            definitions.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)
        );
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        var id = new Uri("urn:openapi-contract:" + Uri.EscapeDataString(key));
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (
            mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        );

    private static bool IsProblem(string? mediaType) =>
        string.Equals(mediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase);

    private static bool SameMediaType(string declared, string? answered) =>
        MediaTypeHeaderValue.TryParse(declared, out var parsed)
        && string.Equals(parsed.MediaType, answered, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An answer that disagrees with <c>docs/openapi.json</c>.</summary>
public sealed class ContractViolationException(string message) : Exception(message);

/// <summary>Puts every answer a test client receives through <see cref="OpenApiContract.Check"/>.</summary>
public sealed class ContractCheckingHandler() : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        OpenApiContract.Check(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            body
        );
        return response;
    }
}
