using System.Globalization;
using System.Text;

namespace Payments.Azure.Tables;

/// <summary>
/// Index rows ordered by time: RowKey <c>{ticks:D19}-{encoded id}</c>, so "due now" is a RowKey range query, spread
/// over a fixed number of shard partitions by a stable hash of the id.
/// </summary>
internal static class TimeIndex
{
    public static string RowKey(long dueTicks, string id) =>
        $"{dueTicks.ToString("D19", CultureInfo.InvariantCulture)}-{TableKeys.Encode(id)}";

    /// <summary>The RowKey bound below which every entry is due at <paramref name="now"/>.</summary>
    public static string UpperBound(DateTimeOffset now) => RowKey(now.UtcTicks + 1, string.Empty);

    public static (long DueTicks, string Id) Parse(string rowKey) =>
        (long.Parse(rowKey.AsSpan(0, 19), CultureInfo.InvariantCulture), TableKeys.Decode(rowKey[20..]));

    /// <summary>
    /// FNV-1a over the UTF-8 bytes: stable across processes, unlike <see cref="string.GetHashCode()"/>.
    /// </summary>
    public static int Shard(string id, int shards)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)shards);
    }
}
