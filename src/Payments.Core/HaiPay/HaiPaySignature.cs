using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Payments.Core.HaiPay;

/// <summary>SHA256WithRSA (RSASSA-PKCS1-v1_5, SHA-256) over the UTF-8 string to sign, Base64 with padding.</summary>
public static class HaiPaySignature
{
    public static string Sign(string stringToSign, RSA privateKey)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        ArgumentNullException.ThrowIfNull(privateKey);
        return Convert.ToBase64String(
            privateKey.SignData(
                Encoding.UTF8.GetBytes(stringToSign),
                HashAlgorithmName.SHA256,
                RSASignaturePadding.Pkcs1
            )
        );
    }

    public static bool Verify(string stringToSign, string signature, RSA publicKey)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        ArgumentNullException.ThrowIfNull(publicKey);
        var bytes = new byte[publicKey.KeySize / 8];
        return !string.IsNullOrEmpty(signature)
            && Convert.TryFromBase64String(signature.Trim(), bytes, out var written)
            && written == bytes.Length
            && publicKey.VerifyData(
                Encoding.UTF8.GetBytes(stringToSign),
                bytes,
                HashAlgorithmName.SHA256,
                RSASignaturePadding.Pkcs1
            );
    }

    /// <summary>
    /// Verifies the <c>sign</c> field of a JSON object (response <c>data</c> or a notification) over its other fields.
    /// </summary>
    /// <param name="fields">The signed object as received.</param>
    /// <param name="merchantSecret">The account's merchant secret.</param>
    /// <param name="platformKey">HaiPay's platform public key.</param>
    /// <param name="reply">A reply to our own call (its <c>payUrl</c> may hold a query string); false for a received
    /// message.</param>
    public static bool VerifyObject(JsonElement fields, string merchantSecret, RSA platformKey, bool reply = false) =>
        fields.ValueKind == JsonValueKind.Object
        && !HaiPayCanonical.RepeatsAName(fields)
        && !HaiPayCanonical.HasMovableBoundaries(fields, linkMayHoldAmpersand: reply)
        && fields.TryGetProperty(HaiPayCanonical.SignField, out var sign)
        && sign.ValueKind == JsonValueKind.String
        && Verify(HaiPayCanonical.StringToSign(fields, merchantSecret), sign.GetString()!, platformKey);

    /// <summary>Adds <c>sign</c> to a request's fields.</summary>
    public static string SignObject(JsonElement fields, string merchantSecret, RSA merchantKey) =>
        Sign(HaiPayCanonical.StringToSign(fields, merchantSecret), merchantKey);
}
