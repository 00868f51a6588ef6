using System.Text.Json;

namespace Payments.Core.Validation;

/// <summary>Typed reads of a merchant's JSON body; a wrong type is reported on the field, never thrown.</summary>
public static class JsonFields
{
    /// <summary>
    /// A string property, null when absent or JSON null; other types are reported on <paramref name="errors"/>.
    /// </summary>
    public static string? OptionalString(JsonElement body, string name, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(name, "must be a string");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A string or number property's literal text (amounts may come either way).</summary>
    public static string? StringOrNumber(JsonElement body, string name, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        return OptionalString(body, name, errors);
    }
}
