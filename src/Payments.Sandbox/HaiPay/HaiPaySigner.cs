using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Payments.Core.HaiPay;

namespace Payments.Sandbox.HaiPay;

/// <summary>Signs what the sandbox sends (reply <c>data</c>, notifications) and verifies what merchants send.</summary>
public sealed class HaiPaySigner(HaiPaySandbox sandbox, IOptionsMonitor<HaiPaySandboxOptions> options)
{
    /// <summary>
    /// Drops null fields (HaiPay omits them) and adds <c>sign</c> with <paramref name="account"/>'s merchant secret
    /// (null: the USD account's); <paramref name="forged"/> signs with a wrong secret.
    /// </summary>
    public JsonObject Sign(JsonObject fields, bool forged, SandboxAccount? account = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var (name, _) in fields.Where(f => f.Value is null).ToList())
        {
            fields.Remove(name);
        }

        using var unsigned = JsonDocument.Parse(fields.ToJsonString());
        var secret = SecretOf(account ?? sandbox.Primary);
        secret = forged ? secret + "-forged" : secret;
        fields[HaiPayCanonical.SignField] = HaiPaySignature.SignObject(
            unsigned.RootElement,
            secret,
            sandbox.PlatformKey
        );
        return fields;
    }

    public bool Verifies(JsonElement request, SandboxAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        // As HaiPay does: the signature over the string to sign, nothing more (our own stricter reading of received
        // messages would refuse a merchant's callBackUrl or referer carrying a query string).
        return account.MerchantKey is { } key
            && request.ValueKind == JsonValueKind.Object
            && !HaiPayCanonical.RepeatsAName(request)
            && request.TryGetProperty(HaiPayCanonical.SignField, out var sign)
            && sign.ValueKind == JsonValueKind.String
            && HaiPaySignature.Verify(HaiPayCanonical.StringToSign(request, SecretOf(account)), sign.GetString()!, key);
    }

    /// <summary>
    /// The merchant secret in force on the account: for the USD account a rotation switched on through the faults, else
    /// the configured one.
    /// </summary>
    private string SecretOf(SandboxAccount account) =>
        account == sandbox.Primary
            ? sandbox.Faults.MerchantSecret ?? options.CurrentValue.MerchantSecret
            : account.MerchantSecret;

    public IResult Ok(JsonObject data, SandboxAccount? account = null)
    {
        var envelope = new JsonObject
        {
            ["status"] = "1",
            ["error"] = HaiPayEnvelope.SuccessError,
            ["msg"] = string.Empty,
            ["data"] = Sign(data, sandbox.Faults.BadResponseSignature, account),
        };
        if (!sandbox.Faults.RepeatedReplyProperty)
        {
            return Results.Json(envelope);
        }

        var text = envelope.ToJsonString();
        var repeated = JsonSerializer.Serialize(data.First().Key);
        return Results.Text(text[..^2] + "," + repeated + ":null}}", "application/json");
    }

    public static IResult Error(string code, string message) =>
        Results.Json(
            new JsonObject
            {
                ["status"] = "0",
                ["error"] = code,
                ["msg"] = message,
            }
        );
}
