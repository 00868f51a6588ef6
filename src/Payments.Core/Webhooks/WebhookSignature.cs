using System.Security.Cryptography;
using System.Text;

namespace Payments.Core.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> and Base64 HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>, keyed with the
/// Base64 part of a <c>whsec_</c> secret; several signatures are space-separated (secret rotation).
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>
    /// The key bytes of a <c>whsec_</c> secret, or null when it is not one (prefix, Base64, at least 24 bytes).
    /// </summary>
    public static byte[]? KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var encoded = secret[SecretPrefix.Length..];
        var key = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, key, out var length) && length >= 24 ? key[..length] : null;
    }

    /// <summary>The <c>webhook-signature</c> header: one <c>v1,</c> signature per key, space-separated.</summary>
    public static string Sign(IEnumerable<byte[]> keys, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var stamp = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes($"{id}.{stamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return string.Join(' ', keys.Select(key => "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content))));
    }
}
