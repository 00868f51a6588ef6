using System.Text.Json;
using Payments.IntegrationTests.Fixtures;

namespace Payments.Client.Tests.Contract;

/// <summary>The checked-in <c>docs/openapi.json</c>, read as plain JSON.</summary>
internal static class OpenApiDocument
{
    public static JsonElement Root { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "openapi.json"))).RootElement;

    /// <summary>Every operation a function key opens: (operation id, method, path template, operation).</summary>
    public static IEnumerable<(string Id, string Method, string Path, JsonElement Operation)> MerchantOperations()
    {
        foreach (var path in Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (
                    operation.Value.TryGetProperty("security", out var security)
                    && security.EnumerateArray().Any(s => s.TryGetProperty("functionKey", out _))
                )
                {
                    var id = operation.Value.GetProperty("operationId").GetString()!;
                    yield return (id, operation.Name.ToUpperInvariant(), path.Name, operation.Value);
                }
            }
        }
    }

    public static JsonElement Operation(string id) => MerchantOperations().Single(o => o.Id == id).Operation;

    /// <summary>Follows a <c>$ref</c>, and a <c>oneOf</c> of null and one schema, to the schema itself.</summary>
    public static JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(Root.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        if (schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
        {
            var notNull = choices.EnumerateArray().Where(c => !IsNullOnly(c)).ToList();
            return notNull.Count == 1 ? Resolve(notNull[0]) : schema;
        }

        return schema;
    }

    /// <summary>The JSON types a schema allows (<c>type</c> as text or list; a <c>oneOf</c> with null adds null).</summary>
    public static IReadOnlySet<string> Types(JsonElement schema)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
        {
            foreach (var choice in choices.EnumerateArray())
            {
                types.UnionWith(Types(choice));
            }

            return types;
        }

        var resolved = Resolve(schema);
        if (resolved.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.Array)
            {
                types.UnionWith(type.EnumerateArray().Select(t => t.GetString()!));
            }
            else
            {
                types.Add(type.GetString()!);
            }
        }
        else if (resolved.TryGetProperty("properties", out _))
        {
            types.Add("object");
        }

        return types;
    }

    /// <summary>The schema of the JSON body an answer with <paramref name="status"/> carries.</summary>
    public static JsonElement? ResponseSchema(JsonElement operation, string status) =>
        operation.GetProperty("responses").TryGetProperty(status, out var response)
        && response.TryGetProperty("content", out var content)
            ? content.EnumerateObject().First().Value.GetProperty("schema")
            : null;

    private static bool IsNullOnly(JsonElement schema) =>
        schema.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.GetString() == "null";
}
