using System.Security.Cryptography;
using System.Text;

namespace Payments.Core.Idempotency;

/// <summary>
/// A request's <c>Idempotency-Key</c>: 1–255 visible ASCII characters, optionally written as a quoted
/// structured-field string (<c>"abc"</c>) as the draft writes it. Parsed once per request: it names the stored
/// response and, for a create without an id of its own, the order (<see cref="OrderId"/>).
/// </summary>
public sealed record IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;
    public const string Rule = "must be one value of 1 to 255 visible ASCII characters";

    /// <summary>
    /// Hex digits of SHA-256 kept in a derived order id: 160 bits, and with a 4-character prefix 44 ≤ 48 characters.
    /// </summary>
    private const int DerivedIdDigits = 40;

    private IdempotencyKey(string value) => Value = value;

    public string Value { get; }

    /// <returns>The key, or null when <paramref name="raw"/> is not one.</returns>
    public static IdempotencyKey? Parse(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var key = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;
        return key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~')
            ? new IdempotencyKey(key)
            : null;
    }

    /// <summary>
    /// The order id a create without one gets from its key: <paramref name="prefix"/> + the first 40 hex digits of
    /// SHA-256 over the key. The same key always names the same order, so a repeat after the key was released (a 5xx,
    /// or after <c>Idempotency:Expiry</c>) reaches the first order and never makes a second one.
    /// </summary>
    public string OrderId(string prefix) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)))[..DerivedIdDigits];

    public override string ToString() => Value;
}
