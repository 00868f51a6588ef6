using System.Globalization;
using System.Text;

namespace Payments.Testing.InMemory;

/// <summary>
/// Keys and versions as the Table stores make them, so listings sort, page and continue alike: ids encoded as
/// <c>TableKeys.Encode</c> does (letters, digits, <c>-_.</c> kept, every other UTF-8 byte <c>!XX</c>), time keys
/// <c>{ticks:D19}-{encoded id}</c>, and a fresh opaque version for every write (never reused, as an ETag).
/// </summary>
internal static class InMemoryKeys
{
    private static long written;

    public static string NewVersion() =>
        string.Create(CultureInfo.InvariantCulture, $"W/\"mem-{Interlocked.Increment(ref written)}\"");

    public static string TimeKey(long ticks, string id) =>
        $"{ticks.ToString("D19", CultureInfo.InvariantCulture)}-{Encode(id)}";

    public static long Ticks(string timeKey) => long.Parse(timeKey.AsSpan(0, 19), CultureInfo.InvariantCulture);

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('!').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
