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

    public static string? Parse(StringValues values)
    {
        if (values.Count != 1 || values[0] is not { } raw)
        {
            return null;
        }

        var key = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;
        return key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~') ? key : null;
    }
}
