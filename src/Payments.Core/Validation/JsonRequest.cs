using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Payments.Core.Validation;

/// <summary>
/// Reads a merchant request record from its parsed JSON body by the record's own JSON contract: the property names
/// and types the OpenAPI document shows (web defaults, camelCase). A property of the wrong JSON type is reported on
/// that property and left unset, never thrown, so one answer names every bad field; absent and <c>null</c> properties
/// stay unset (null) whatever the record declares, and the request's validator refuses the required ones.
/// </summary>
public static class JsonRequest
{
    /// <summary>Whole numbers (counts) have at most this many digits before they are range-checked.</summary>
    private const int MaxWholeDigits = 6;

    private static readonly JsonSerializerOptions Contract = JsonSerializerOptions.Web;

    /// <returns>The record as sent, or null when the body is not a JSON object (reported on <c>body</c>).</returns>
    public static T? Read<T>(JsonElement body, FieldErrors errors)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var contract = Contract.GetTypeInfo(typeof(T));
        var request = (T)(
            contract.CreateObject?.Invoke()
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no parameterless constructor.")
        );
        foreach (var property in contract.Properties)
        {
            if (Read(body, property, errors) is { } value)
            {
                property.Set!(request, value);
            }
        }

        return request;
    }

    private static object? Read(JsonElement body, JsonPropertyInfo property, FieldErrors errors)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var attributes = property.AttributeProvider as MemberInfo;
        if (type == typeof(string))
        {
            return attributes?.GetCustomAttribute<StringOrNumberAttribute>() is null
                ? JsonFields.OptionalString(body, property.Name, errors)
                : JsonFields.StringOrNumber(body, property.Name, errors);
        }

        if (type == typeof(int))
        {
            return Whole(body, property.Name, attributes?.GetCustomAttribute<RangeAttribute>(), errors);
        }

        throw new InvalidOperationException(
            $"A request property of type {type.Name} ({property.Name}) cannot be read."
        );
    }

    /// <summary>
    /// A whole number given as a JSON number or a string of digits (HaiPay's tables say String, its samples send
    /// numbers); anything else (a sign, fraction, exponent, more digits than any allowed value has) is reported with
    /// the property's range.
    /// </summary>
    private static int? Whole(JsonElement body, string name, RangeAttribute? range, FieldErrors errors)
    {
        var text = JsonFields.StringOrNumber(body, name, errors);
        if (text is null)
        {
            return null;
        }

        if (text.Length <= MaxWholeDigits && text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, CultureInfo.InvariantCulture);
        }

        errors.Add(
            name,
            range is null ? FieldRules.WholeNumberRule : FieldRules.WholeNumber((int)range.Minimum, (int)range.Maximum)
        );
        return null;
    }
}
