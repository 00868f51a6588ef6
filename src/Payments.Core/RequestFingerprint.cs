using System.Security.Cryptography;
using System.Text;

namespace Payments.Core;

/// <summary>SHA-256 over length-prefixed parts: the same request content always gives the same fingerprint.</summary>
public static class RequestFingerprint
{
    public static string Of(params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part?.Length ?? -1).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
