using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Payments.Client.Tests.Contract;

/// <summary>
/// Compares a client model with a schema of the document: every property the model reads or writes is in the schema
/// with a compatible JSON type (amounts as decimal text), every schema property is in the model, nullability agrees
/// for answers and required-ness for requests.
/// </summary>
internal static class ModelSchemaCheck
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <param name="notInBody">Top-level model properties that do not come from the body (e.g. a header).</param>
    public static IReadOnlyList<string> Differences(
        Type model,
        JsonElement schema,
        bool isRequest,
        params string[] notInBody
    )
    {
        var differences = new List<string>();
        Compare(model, OpenApiDocument.Resolve(schema), isRequest, model.Name, differences, notInBody);
        return differences;
    }

    private static void Compare(
        Type model,
        JsonElement schema,
        bool isRequest,
        string at,
        List<string> differences,
        string[]? notInBody = null
    )
    {
        var declared = schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : [];
        var required = schema.TryGetProperty("required", out var list)
            ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var members = Properties(model)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Where(m => notInBody?.Contains(m.Key) != true)
            .ToDictionary();
        differences.AddRange(
            declared.Keys.Except(members.Keys).Select(name => $"{at}: the document's '{name}' is not in the model")
        );
        foreach (var (name, property) in members)
        {
            if (!declared.TryGetValue(name, out var propertySchema))
            {
                differences.Add($"{at}.{name}: not in the document");
                continue;
            }

            var where = $"{at}.{name}";
            var types = OpenApiDocument.Types(propertySchema);
            var nullable = Nullability.Create(property).ReadState == NullabilityState.Nullable;
            if (isRequest && required.Contains(name) != property.IsDefined(typeof(RequiredMemberAttribute)))
            {
                differences.Add($"{where}: required in the document is {required.Contains(name)}, in the model not");
            }

            if (!isRequest && types.Contains("null") && !nullable)
            {
                differences.Add($"{where}: the document allows null, the model does not");
            }

            CompareType(property.PropertyType, propertySchema, types, isRequest, where, differences);
        }
    }

    private static void CompareType(
        Type type,
        JsonElement schema,
        IReadOnlySet<string> types,
        bool isRequest,
        string where,
        List<string> differences
    )
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        var nonNull = types.Where(t => t != "null").ToHashSet(StringComparer.Ordinal);
        string? mismatch = plain switch
        {
            _ when plain == typeof(decimal) => nonNull.SetEquals(["string"]) ? null : "an amount must be decimal text",
            _ when plain == typeof(string) => nonNull.Contains("string") ? null : "not a string",
            _ when plain == typeof(int) => nonNull.Contains("integer") ? null : "not an integer",
            _ when plain == typeof(bool) => nonNull.Contains("boolean") ? null : "not a boolean",
            _ when plain == typeof(DateTimeOffset) => IsDateTime(schema) ? null : "not a date-time string",
            _ when ItemType(plain) is { } item => nonNull.Contains("array")
                ? CompareItems(item, schema, isRequest, where, differences)
                : "not an array",
            _ when plain.IsClass => CompareObject(plain, schema, nonNull, isRequest, where, differences),
            _ => $"no rule for {plain.Name}",
        };
        if (mismatch is not null)
        {
            differences.Add($"{where}: {mismatch} (document: {string.Join('|', types)})");
        }
    }

    private static string? CompareItems(
        Type item,
        JsonElement schema,
        bool isRequest,
        string where,
        List<string> differences
    )
    {
        var items = OpenApiDocument.Resolve(schema).GetProperty("items");
        CompareType(item, items, OpenApiDocument.Types(items), isRequest, where + "[]", differences);
        return null;
    }

    private static string? CompareObject(
        Type type,
        JsonElement schema,
        HashSet<string> nonNull,
        bool isRequest,
        string where,
        List<string> differences
    )
    {
        if (!nonNull.Contains("object"))
        {
            return "not an object";
        }

        Compare(type, OpenApiDocument.Resolve(schema), isRequest, where, differences);
        return null;
    }

    private static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? type.GetGenericArguments()[0]
            : null;

    private static bool IsDateTime(JsonElement schema) =>
        OpenApiDocument.Types(schema).Contains("string")
        && OpenApiDocument.Resolve(schema).TryGetProperty("format", out var format)
        && format.GetString() == "date-time";

    private static IEnumerable<PropertyInfo> Properties(Type model) =>
        model
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0);
}
