namespace Payments.Core.Webhooks;

/// <summary>
/// The delivery of one event: attempts made, when the next is due, how the last one went. An attempt is claimed
/// (counted, with its retry time set) before it is sent, so a dispatcher that dies mid-send is retried on schedule.
/// <paramref name="Body"/> is the notification's body (UTF-8 JSON text) written when the event was raised: every
/// attempt sends it, so a merchant deduplicating on the event id never sees two bodies; null for an event scheduled
/// without one (its body is written from the order when sent).
/// </summary>
public sealed record WebhookDelivery(
    string EventId,
    WebhookDeliveryState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    int? LastStatusCode = null,
    string? LastError = null,
    DateTimeOffset? FinishedAt = null,
    string? Body = null
)
{
    /// <summary>How long the last attempt owns the event before it counts as failed (a dispatcher died).</summary>
    public static readonly TimeSpan LastAttemptLease = TimeSpan.FromMinutes(1);

    public static WebhookDelivery Start(string eventId, DateTimeOffset dueAt, string? body = null) =>
        new(eventId, WebhookDeliveryState.Pending, 0, dueAt, Body: body);

    public bool IsFinished => State != WebhookDeliveryState.Pending;

    /// <summary>
    /// Counts attempt <c>Attempts + 1</c> and sets when the one after it is due: the schedule's wait for a retry, the
    /// lease for the last attempt. Null when no attempt is left (the last one's dispatcher died): abandon instead.
    /// </summary>
    public WebhookDelivery? Claim(IReadOnlyList<TimeSpan> schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (IsFinished || Attempts > schedule.Count)
        {
            return null;
        }

        var wait = Attempts < schedule.Count ? schedule[Attempts] : LastAttemptLease;
        return this with { Attempts = Attempts + 1, NextAttemptAt = now + wait };
    }

    public WebhookDelivery Succeed(int statusCode, DateTimeOffset now) =>
        this with
        {
            State = WebhookDeliveryState.Delivered,
            LastStatusCode = statusCode,
            LastError = null,
            FinishedAt = now,
        };

    /// <summary>The attempt failed: pending until its retry, abandoned when it was the last.</summary>
    public WebhookDelivery Fail(int? statusCode, string error, IReadOnlyList<TimeSpan> schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var failed = this with { LastStatusCode = statusCode, LastError = error };
        return Attempts > schedule.Count ? failed.Abandon(error, now) : failed;
    }

    public WebhookDelivery Abandon(string reason, DateTimeOffset now) =>
        this with
        {
            State = WebhookDeliveryState.Abandoned,
            LastError = reason,
            FinishedAt = now,
        };

    /// <summary>
    /// An operator's replay of an abandoned delivery: pending again, due at <paramref name="now"/>, with every attempt
    /// ahead of it.
    /// </summary>
    public WebhookDelivery Replay(DateTimeOffset now) =>
        this with
        {
            State = WebhookDeliveryState.Pending,
            Attempts = 0,
            NextAttemptAt = now,
            FinishedAt = null,
        };
}
