using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payments.Client.Json;

/// <summary>
/// Amounts as decimal text (<c>"12.50"</c>): written with at least two decimals, read from text or a JSON number,
/// never through a binary floating point.
/// </summary>
public sealed class MoneyConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDecimal();
        }

        var text = reader.GetString();
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is no decimal amount.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    /// <summary>
    /// <c>12.5m</c> as <c>"12.50"</c>; more decimals are kept (the service refuses them, naming the field), never
    /// rounded away.
    /// </summary>
    public static string Format(decimal value) =>
        value.Scale >= 2
            ? value.ToString(CultureInfo.InvariantCulture)
            : value.ToString("0.00", CultureInfo.InvariantCulture);
}
