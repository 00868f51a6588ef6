using System.Text.Json;
using System.Text.Json.Nodes;
using Payments.Core.Text;

namespace Payments.Core.HaiPay;

/// <summary>
/// The request's identifier fields its reply must echo (those of them the request sends, with the values it sends).
/// <see cref="UnsignedAnswers"/>: the seed shows this reply unsigned, so an unsigned one is read (for what it hands
/// over, never a status) when it echoes them; otherwise only a verified signature makes an answer.
/// </summary>
internal sealed record Echoed(params string[] Fields)
{
    public bool UnsignedAnswers { get; init; }
}

/// <summary>
/// What one HaiPay request expects of its reply: the identifiers it sent, which the reply must echo to be an answer
/// about it, and the request's own card secrets (CVV, expiry as a gateway writes it), which a refusal's text must not
/// carry.
/// </summary>
internal static class HaiPayReplyBinding
{
    /// <summary>
    /// The values sent for <paramref name="echoed"/>'s fields, read before the body is built (it takes them).
    /// </summary>
    public static Dictionary<string, string> Expected(JsonObject fields, Echoed echoed)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in echoed.Fields)
        {
            if (fields[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                expected[name] = text;
            }
        }

        return expected;
    }

    /// <summary>
    /// The first identifier sent that <paramref name="data"/> does not echo with the same value; null: all.
    /// </summary>
    public static string? Unechoed(JsonElement data, Dictionary<string, string> expected) =>
        expected
            .FirstOrDefault(e => !string.Equals(HaiPayEnvelope.Scalar(data, e.Key), e.Value, StringComparison.Ordinal))
            .Key;

    /// <summary>
    /// How a refusal could quote this request's CVV and expiry (<c>11/2031</c>, <c>11/31</c>, <c>2031-11</c>,
    /// <c>1131</c>…): redacted from the refusal's text along with card numbers. Empty for a request without card data.
    /// </summary>
    public static string[] CardEcho(JsonObject fields)
    {
        string? Field(string name) =>
            fields[name]?.GetValueKind() == JsonValueKind.String ? fields[name]!.GetValue<string>() : null;
        var (cvv, month, year) = (Field("cvv"), Field("expiryMonth"), Field("expiryYear"));
        if (cvv is null && (month is null || year is null))
        {
            return [];
        }

        var forms = new List<string>();
        if (cvv is not null)
        {
            forms.Add(cvv);
        }

        if (month is not null && year is { Length: 4 })
        {
            var yy = year[2..];
            forms.AddRange([
                $"{month}/{year}",
                $"{month}/{yy}",
                $"{month}-{year}",
                $"{month}-{yy}",
                $"{year}-{month}",
                $"{year}/{month}",
                $"{month}{yy}",
                $"{month}{year}",
            ]);
        }

        return [.. forms];
    }

    /// <summary>
    /// HaiPay's error code as a short token of letters and digits (<c>4002</c>, <c>00000000</c>); anything else, or a
    /// code that redaction would change (a card number echoed where the code goes), is <see cref="UnreadableCode"/>.
    /// </summary>
    public static string ErrorCode(string error) =>
        error.Length is > 0 and <= 16 && error.All(char.IsAsciiLetterOrDigit) && ProviderText.Redact(error) == error
            ? error
            : UnreadableCode;

    /// <summary>
    /// What stands for an error code that is no short token (it may be text a card number was echoed into).
    /// </summary>
    public const string UnreadableCode = "unreadable-code";
}
