using System.Text;
using System.Text.Json;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay's string to sign: the top-level fields minus <c>sign</c>, minus null and empty-string values
/// (0 is kept), in ordinal key order, as <c>key=value</c> joined by <c>&amp;</c> (no URL-encoding), then
/// <c>&amp;key=</c> + the merchant secret. Each value is its literal JSON text as received (numbers are
/// never re-formatted: <c>0.50000000</c> stays). Nested objects and arrays are skipped and reported. An object
/// repeating a property name has no string to sign (the parsers refuse such bodies before this; kept as a guard).
/// </summary>
public static class HaiPayCanonical
{
    public const string SignField = "sign";

    public static string StringToSign(JsonElement fields, string merchantSecret, ICollection<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(merchantSecret);
        if (fields.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("HaiPay signs JSON objects only.", nameof(fields));
        }

        var pairs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields.EnumerateObject())
        {
            if (!names.Add(field.Name))
            {
                throw new ArgumentException($"The object repeats the property '{field.Name}'.", nameof(fields));
            }

            if (field.Name == SignField)
            {
                continue;
            }

            var text = field.Value.ValueKind switch
            {
                JsonValueKind.String => field.Value.GetString(),
                JsonValueKind.Number => field.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Object or JsonValueKind.Array => Skip(field.Name, skipped),
                _ => null,
            };
            if (!string.IsNullOrEmpty(text))
            {
                pairs[field.Name] = text;
            }
        }

        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            builder.Append(key).Append('=').Append(value).Append('&');
        }

        return builder.Append("key=").Append(merchantSecret).ToString();
    }

    /// <summary>Whether a property name appears more than once in the object (such an object never verifies).</summary>
    public static bool RepeatsAName(JsonElement fields) =>
        fields.ValueKind == JsonValueKind.Object
        && fields.EnumerateObject().GroupBy(f => f.Name, StringComparer.Ordinal).Any(g => g.Count() > 1);

    /// <summary>
    /// Whether the string to sign could be cut into other fields: the string joins <c>key=value</c> pairs with
    /// <c>&amp;</c> and escapes nothing, so a name holding <c>=</c> or <c>&amp;</c>, or a value holding <c>&amp;</c>,
    /// lets one signature stand for another set of fields (text echoed into a signed message, re-split to read another
    /// status). Such an object never verifies. In a reply to our own call (<paramref name="linkMayHoldAmpersand"/>),
    /// <c>payUrl</c> (a link with its query string) is the one value allowed an <c>&amp;</c>; in a received message,
    /// none is. A signed text that itself spells a whole extra field is beyond this check (README, "A signature means
    /// one thing").
    /// </summary>
    public static bool HasMovableBoundaries(JsonElement fields, bool linkMayHoldAmpersand = false) =>
        fields.ValueKind == JsonValueKind.Object
        && fields
            .EnumerateObject()
            .Any(field =>
                field.Name.Contains('&', StringComparison.Ordinal)
                || field.Name.Contains('=', StringComparison.Ordinal)
                || (
                    !(linkMayHoldAmpersand && field.Name == "payUrl")
                    && field.Value.ValueKind == JsonValueKind.String
                    && field.Value.GetString()!.Contains('&', StringComparison.Ordinal)
                )
            );

    private static string? Skip(string name, ICollection<string>? skipped)
    {
        skipped?.Add(name);
        return null;
    }
}
