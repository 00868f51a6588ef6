using System.ComponentModel.DataAnnotations;

namespace Payments.Core.HaiPay;

/// <summary>
/// When an open order is next asked about: first, a few quick retries, then a slow cadence, until a horizon.
/// </summary>
public sealed class CheckScheduleOptions
{
    /// <summary>Default 1 min after creation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan First { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Default 5 min between the quick checks.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Quick { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Default 5 quick checks.</summary>
    [Range(0, 1000)]
    public int QuickCount { get; set; } = 5;

    /// <summary>Default hourly afterwards.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan Slow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Default 72 h after creation; then the order goes to NeedsReview.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// When to check next once <paramref name="checksDone"/> checks have run (0: the order was just created);
    /// null when that would fall past the horizon.
    /// </summary>
    public DateTimeOffset? Next(int checksDone, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var delay = checksDone switch
        {
            <= 0 => First,
            _ when checksDone <= QuickCount => Quick,
            _ => Slow,
        };
        var next = now + delay;
        return next <= createdAt + GiveUpAfter ? next : null;
    }
}
