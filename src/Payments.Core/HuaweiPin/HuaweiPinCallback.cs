using System.Globalization;
using System.Text.Json;
using Payments.Core.Validation;

namespace Payments.Core.HuaweiPin;

/// <summary>A parsed callback: each field exactly as received (a JSON number keeps its literal text).</summary>
public sealed record HuaweiPinCallback(string MerchantOid, string CallbackKey, string Status, string Amount, string Hash)
{
    public const string KeyField = "merchant_callback_privatekey";
    private static readonly string[] Fields = ["merchant_oid", KeyField, "status", "amount", "hash"];

    public static HuaweiPinCallback? Parse(JsonElement body, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        var seen = body.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (!seen.TryGetValue(field, out var found))
            {
                errors.Add(field, "is required");
            }
            else if (found.Count > 1)
            {
                errors.Add(field, "appears more than once");
            }
            else if (found[0].Value.ValueKind switch
            {
                JsonValueKind.String => found[0].Value.GetString(),
                JsonValueKind.Number => found[0].Value.GetRawText(),
                _ => null,
            } is { Length: > 0 and <= 1024 } text)
            {
                values[field] = text;
            }
            else
            {
                errors.Add(field, "must be a non-empty string of at most 1024 characters");
            }
        }

        return errors.IsEmpty
            ? new HuaweiPinCallback(values["merchant_oid"], values[KeyField], values["status"], values["amount"], values["hash"])
            : null;
    }

    /// <summary>The amount in major units, parsed only after the hash was verified over its text.</summary>
    public decimal? ParsedAmount =>
        decimal.TryParse(Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    /// <summary>The received fields without the callback key, for the audit log.</summary>
    public string ToAuditJson() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["merchant_oid"] = MerchantOid,
        ["status"] = Status,
        ["amount"] = Amount,
        ["hash"] = Hash,
    });
}
