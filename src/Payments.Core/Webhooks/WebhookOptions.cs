using System.ComponentModel.DataAnnotations;

namespace Payments.Core.Webhooks;

/// <summary>Outbound notifications to the merchant's back end (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// The merchant's endpoint (configuration only, never from a request). Unset: events are recorded on orders, not
    /// sent.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>The endpoint to send to: <see cref="Url"/> when it is set and not empty.</summary>
    public Uri? Endpoint => Url is { OriginalString.Length: > 0 } ? Url : null;

    /// <summary>Default 5 s per delivery attempt; slower answers count as failures.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Waits between attempts; empty means the default 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h (8 attempts in all).
    /// </summary>
    public IList<TimeSpan> RetrySchedule { get; init; } = [];

    /// <summary>Default 200 events per run.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Default 8 deliveries in flight.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// After a run that found nothing due, later runs skip the outbox queries for this long (default zero: every run
    /// queries). Lowers the idle cost (docs/scale.md); a notification raised meanwhile waits at most this long more
    /// for its first attempt.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:15:00")]
    public TimeSpan IdleInterval { get; set; } = TimeSpan.Zero;

    public static IReadOnlyList<TimeSpan> DefaultSchedule { get; } =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(12),
        TimeSpan.FromHours(24),
    ];

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule.Count > 0 ? [.. RetrySchedule] : DefaultSchedule;
}
