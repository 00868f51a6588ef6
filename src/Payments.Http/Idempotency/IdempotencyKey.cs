using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Payments.Http.Idempotency;

/// <summary>
/// Reads the header: one value, 1–255 visible ASCII characters, optionally as a quoted structured-field string
/// (<c>"abc"</c>) as the draft writes it.
/// </summary>
public static class IdempotencyKey
{
    public const int MaxLength = 255;
    public const string Rule = "must be one value of 1 to 255 visible ASCII characters";

    /// <summary>Hex digits of SHA-256 kept in a derived order id: 160 bits, and with a 4-character prefix 44 ≤ 48 characters.</summary>
    private const int DerivedIdDigits = 40;

    public static string? Parse(StringValues values)
    {
        if (values.Count != 1 || values[0] is not { } raw)
        {
            return null;
        }

        var key = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;
        return key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~') ? key : null;
    }

    /// <summary>
    /// The order id a create without one gets from its <c>Idempotency-Key</c>: <paramref name="prefix"/> + the first
    /// 40 hex digits of SHA-256 over the key. The same key always names the same order, so a repeat after the key was
    /// released (a 5xx, or after <c>Idempotency:Expiry</c>) reaches the first order and never makes a second one.
    /// Null when the request has no valid key.
    /// </summary>
    public static string? OrderIdFor(HttpRequest request, string prefix)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(IdempotentRequests.Header, out var values) && Parse(values) is { } key
            ? prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..DerivedIdDigits]
            : null;
    }
}
