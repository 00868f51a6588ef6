using System.Text;
using System.Text.Json;
using Payments.Core.Text;

namespace Payments.Core;

/// <summary>
/// JSON without the card's secret parts (card number, CVV, expiry), at any depth and in any letter case; the card
/// number stands in by its last four digits, as it is stored. Used wherever a body is fingerprinted or kept: an unkeyed
/// digest over a CVV is recovered in at most 1,000 guesses, and a provider echoing card fields must not put them in the
/// audit table.
/// </summary>
public static class CardRedaction
{
    private static readonly string[] CardSecrets = ["accountNo", "cvv", "expiryMonth", "expiryYear"];

    /// <summary>What identifies a card: its number and expiry (the CVV never, not even keyed).</summary>
    private static readonly string[] CardIdentityFields = ["accountNo", "expiryMonth", "expiryYear"];

    /// <summary>The element as JSON text without the card's secret parts.</summary>
    public static string Text(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(element, writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The card number and expiry the element holds, at any depth, in document order (length-prefixed name and JSON
    /// text); empty when it holds none. Only ever an HMAC's input: it is card data itself. The CVV is not part of it.
    /// </summary>
    public static string CardIdentity(JsonElement element)
    {
        var text = new StringBuilder();
        AppendIdentity(element, text);
        return text.ToString();
    }

    private static void AppendIdentity(JsonElement element, StringBuilder text)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                if (Array.Exists(CardIdentityFields, field => field.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    var value = property.Value.GetRawText();
                    text.Append(name.Length)
                        .Append(':')
                        .Append(name)
                        .Append(value.Length)
                        .Append(':')
                        .Append(value)
                        .Append('\n');
                }
                else
                {
                    AppendIdentity(property.Value, text);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AppendIdentity(item, text);
            }
        }
    }

    /// <summary>Writes the element without the card's secret parts.</summary>
    /// <summary>
    /// The identifiers a provider message names its order by (ours, or the provider's own number, as HaiPay documents
    /// them), when they read as an identifier: kept as they are, because a 16–19-digit reference number looks like a
    /// card number to redaction about one time in ten, and operators find orders by them.
    /// </summary>
    private static bool IsReference(JsonProperty property) =>
        Array.Exists(ReferenceFields, name => name.Equals(property.Name, StringComparison.OrdinalIgnoreCase))
        && property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number
        && (
            property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetRawText() : property.Value.GetString()!
        )
            is { Length: > 0 and <= 64 } text
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~');

    private static readonly string[] ReferenceFields =
    [
        "orderId",
        "orderNo",
        "subscriptionNo",
        "subscriptionOrderId",
        "refundNo",
        "appId",
        "merchant_oid",
    ];

    public static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    var secret = Array.Find(CardSecrets, name =>
                        name.Equals(property.Name, StringComparison.OrdinalIgnoreCase)
                    );
                    if (
                        secret == "accountNo"
                        && property.Value.ValueKind == JsonValueKind.String
                        && property.Value.GetString() is { Length: >= 4 } number
                    )
                    {
                        writer.WriteString(property.Name, number[^4..]);
                    }
                    else if (IsReference(property))
                    {
                        property.WriteTo(writer);
                    }
                    else if (secret is null)
                    {
                        writer.WritePropertyName(property.Name);
                        Write(property.Value, writer);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(ProviderText.Redact(element.GetString()!));
                break;
            case JsonValueKind.Number
                when ProviderText.Redact(element.GetRawText()) is var text && text != element.GetRawText():
                writer.WriteStringValue(text);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
