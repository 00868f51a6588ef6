using System.Text.Json;
using Payments.Core.Text;
using Payments.Core.Validation;

namespace Payments.Core.HuaweiPin;

/// <summary>A parsed callback: each field exactly as received (a JSON number keeps its literal text).</summary>
public sealed record HuaweiPinCallback(
    string MerchantOid,
    string CallbackKey,
    string Status,
    string Amount,
    string Hash
)
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

        var seen = body.EnumerateObject()
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
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
            else if (
                found[0].Value.ValueKind switch
                {
                    JsonValueKind.String => found[0].Value.GetString(),
                    JsonValueKind.Number => found[0].Value.GetRawText(),
                    _ => null,
                } is
                { Length: > 0 and <= 1024 } text
            )
            {
                values[field] = text;
            }
            else
            {
                errors.Add(field, "must be a non-empty string of at most 1024 characters");
            }
        }

        return errors.IsEmpty
            ? new HuaweiPinCallback(
                values["merchant_oid"],
                values[KeyField],
                values["status"],
                values["amount"],
                values["hash"]
            )
            : null;
    }

    /// <summary>The received fields without the callback key, for the audit log (provider text redacted).</summary>
    /// <param name="amountUnit">The unit the amount was read in, kept beside its raw text so a wrong setting can be
    /// repaired.</param>
    /// <param name="ours">Whether the order id is one of our orders (kept as it is, for operators to find it
    /// by).</param>
    public string ToAuditJson(string? amountUnit, bool ours) =>
        JsonSerializer.Serialize(
            new Dictionary<string, string?>
            {
                ["merchant_oid"] = ours ? MerchantOid : ProviderText.Redact(MerchantOid),
                ["status"] = ProviderText.Redact(Status),
                ["amount"] = ProviderText.Redact(Amount),
                ["amountUnit"] = amountUnit,
                ["hash"] = Hash,
            }
        );

    /// <summary>
    /// What is kept of a callback that did not verify: the order it names, its status and amount (cut short, redacted)
    /// and the check that failed; never the key or the hash.
    /// </summary>
    public string ToUnverifiedJson(string failedCheck) =>
        JsonSerializer.Serialize(
            new Dictionary<string, string>
            {
                ["provider"] = "HuaweiPin",
                ["orderId"] = Short(MerchantOid),
                ["status"] = Short(Status),
                ["amount"] = Short(Amount),
                ["failed"] = failedCheck,
            }
        );

    private static string Short(string text) => ProviderText.Redact(text.Length > 64 ? text[..64] : text);
}
