namespace Payments.Core.Orders;

/// <summary>
/// An index row (a due check, what needs a person, a webhook to deliver) is written before the order row it points at,
/// so a reader may find it while that order write is still in flight: the order does not match it yet. Such a row is
/// kept, not dropped as stale, until it is older than <see cref="Grace"/> by the time it carries (the business time of
/// the write that made it). An order write is at most six storage calls after its time is taken (outbox due row,
/// reference, two attention rows, due row, order row), each bounded by <c>PaymentsStorage:Timeout</c> (at most 2
/// minutes, 10 s by default): by then the write has landed or failed for good.
/// </summary>
public static class WriteInFlight
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether the write that made a row at <paramref name="writtenAt"/> may still be landing at <paramref
    /// name="now"/>.
    /// </summary>
    public static bool MayBe(DateTimeOffset? writtenAt, DateTimeOffset now) => writtenAt is { } at && now - at < Grace;
}
