using System.Globalization;
using System.Text.Json;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay's reply envelope <c>{"status":"1","error":"00000000","msg":"","data":{...}}</c>, read tolerantly:
/// numbers or strings, and trailing commas (the seed's own sample has one). An error reply carries no
/// <c>data</c> and no signature and says nothing about a payment's outcome. A reply repeating a property name
/// anywhere is no envelope (no usable answer): the signature would cover one copy and the verdict read another.
/// </summary>
public sealed record HaiPayEnvelope(string Status, string Error, string Message, JsonElement? Data)
{
    public const string SuccessError = "00000000";

    public static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowTrailingCommas = true,
        MaxDepth = 16,
        AllowDuplicateProperties = false,
    };

    public bool IsSuccess => Status == "1" && Error == SuccessError && Data is { ValueKind: JsonValueKind.Object };

    /// <summary>Parses the envelope; null when the text is not a JSON object with a status.</summary>
    public static HaiPayEnvelope? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, ReadOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Scalar(root, "status") is not { } status)
            {
                return null;
            }

            JsonElement? data =
                root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : null;
            return new HaiPayEnvelope(
                status,
                Scalar(root, "error") ?? string.Empty,
                Scalar(root, "msg") ?? string.Empty,
                data
            );
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A scalar field's text whether it was sent as a string or a number; null when absent, null, empty or not scalar.
    /// Empty and absent are one thing, as they are to the signature (<see cref="HaiPayCanonical"/> drops both): a
    /// generic-map sender that writes every field, <c>""</c> where it has nothing, is read exactly like one that leaves
    /// them out.
    /// </summary>
    public static string? Scalar(JsonElement fields, string name) =>
        fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A decimal field sent as a number or a string (<c>0.5</c>, <c>"50.00"</c>).</summary>
    public static decimal? Money(JsonElement fields, string name) =>
        Scalar(fields, name) is { } text
        && decimal.TryParse(
            text,
            NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture,
            out var value
        )
            ? value
            : null;
}
