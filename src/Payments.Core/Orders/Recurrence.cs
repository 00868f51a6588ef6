namespace Payments.Core.Orders;

/// <summary>
/// How often a subscription charges: every <see cref="Count"/> <see cref="Unit"/>s, each charge retried up to <see
/// cref="RetryTimes"/> times.
/// </summary>
public sealed record Recurrence(RecurrenceUnit Unit, int Count, int RetryTimes)
{
    /// <summary>The provider's code for the unit: D, W, M or Y.</summary>
    public string UnitCode =>
        Unit switch
        {
            RecurrenceUnit.Day => "D",
            RecurrenceUnit.Week => "W",
            RecurrenceUnit.Month => "M",
            _ => "Y",
        };

    public static RecurrenceUnit? UnitOf(string? code) =>
        code switch
        {
            "D" => RecurrenceUnit.Day,
            "W" => RecurrenceUnit.Week,
            "M" => RecurrenceUnit.Month,
            "Y" => RecurrenceUnit.Year,
            _ => null,
        };

    /// <summary>
    /// The first charge after <paramref name="start"/> (calendar months and years, not 30-day blocks).
    /// </summary>
    public DateTimeOffset After(DateTimeOffset start) =>
        Unit switch
        {
            RecurrenceUnit.Day => start.AddDays(Count),
            RecurrenceUnit.Week => start.AddDays(7 * Count),
            RecurrenceUnit.Month => start.AddMonths(Count),
            _ => start.AddYears(Count),
        };
}
