using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core;
using Payments.Core.Orders;
using Payments.Core.Webhooks;
using Payments.Http.Telemetry;

namespace Payments.Http.Webhooks;

/// <summary>
/// One run of the outbound notification job: every due event is claimed (compare-and-swap on its delivery record, so
/// one dispatcher sends it), sent (the body written when the event was raised), and recorded as delivered, rescheduled
/// or abandoned. The job joins the two stores: the outbox's due entries with their orders, so an event whose order has
/// moved on is never sent again; a 410 disables the endpoint. Each event is handled in a
/// <see cref="PaymentsTelemetry.DeliverActivity"/> activity parented to the trace that raised it (its
/// <see cref="OrderEvent.TraceParent"/>), and counted in <c>payments.webhook.deliveries</c>; the run's due count is
/// <c>payments.webhook.backlog</c>.
/// </summary>
public sealed partial class WebhookDispatcher(
    IWebhookOutbox outbox,
    IOrderRepository orders,
    WebhookSender sender,
    WebhookSigningKeys signingKeys,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger,
    PaymentsTelemetry telemetry,
    WebhookIdleGate idle
)
{
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (idle.IsQuiet())
        {
            return;
        }

        var endpoint = settings.Endpoint;
        if (endpoint is not null && await outbox.IsDisabledAsync(endpoint, cancellationToken))
        {
            LogDisabled(logger);
            return;
        }

        var keys = new Lazy<Task<IReadOnlyList<byte[]>>>(() => signingKeys.GetAsync(cancellationToken));
        var due = FindDueAsync(time.GetUtcNow(), settings.BatchSize, cancellationToken);
        var seen = 0L;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = settings.Concurrency,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(due, parallel, async (webhook, ct) =>
        {
            Interlocked.Increment(ref seen);
            using var activity = StartDeliverActivity(webhook);
            try
            {
                string? outcome;
                if (endpoint is null)
                {
                    var abandoned = webhook.Current.Abandon("no webhook endpoint configured", time.GetUtcNow());
                    await outbox.TrySaveAsync(webhook.Order.Id, abandoned, webhook.Delivery?.Version, ct);
                    outcome = WebhookOutcomes.Abandoned;
                }
                else
                {
                    outcome = await AttemptAsync(endpoint, await keys.Value, webhook, settings.Schedule, ct);
                }

                if (outcome is not null)
                {
                    activity?.SetTag("outcome", outcome);
                    telemetry.WebhookAttempted(outcome);
                }
            }
            catch (StorageUnavailableException e)
            {
                activity?.SetStatus(ActivityStatusCode.Error, nameof(StorageUnavailableException));
                LogStorageFailed(logger, webhook.Event.Id, webhook.Order.Id, e.Message);
            }
        });
        telemetry.WebhookBacklog(seen);
        idle.Ran(seen, settings.IdleInterval);
    }

    /// <summary>
    /// At most <paramref name="max"/> events due at <paramref name="now"/>: the outbox's due entries, each joined with
    /// its order (read through the order store). An entry holds while its event is the order's last and its delivery is
    /// pending at the entry's time (before the first attempt, the event's own time); one that no longer holds is
    /// dropped from the outbox, one whose storage calls fail is skipped and kept for the next run.
    /// </summary>
    private async IAsyncEnumerable<DueWebhook> FindDueAsync(
        DateTimeOffset now,
        int max,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var found = 0;
        await foreach (var entry in outbox.FindDueAsync(now, max, cancellationToken))
        {
            if (await JoinAsync(entry, now, cancellationToken) is not { } due)
            {
                continue;
            }

            yield return due;
            if (++found >= max)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The entry joined with its order, or null. One that does not hold is forgotten, unless it may be the event of an
    /// order write still landing (<see cref="WriteInFlight"/>): an entry never attempted is due at its event's own
    /// time, which is written to the outbox before the order row that raises it.
    /// </summary>
    private async Task<DueWebhook?> JoinAsync(
        ScheduledWebhook entry,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var order = await orders.FindAsync(entry.OrderId, cancellationToken);
            if (
                order?.Value.LastEvent is { } raised
                && raised.Id == entry.EventId
                && new DueWebhook(order.Value, entry.Delivery, entry.Body) is var due
                && due.Current.NextAttemptAt.UtcTicks == entry.DueAt.UtcTicks
            )
            {
                return due;
            }

            if (entry.Delivery is null && WriteInFlight.MayBe(entry.DueAt, now))
            {
                return null;
            }

            await outbox.ForgetDueAsync(entry, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            LogDueSkipped(logger, entry.EventId, entry.OrderId, e.Message);
        }

        return null;
    }

    /// <summary>
    /// The delivery's activity: a child of the trace that raised the event when the order row kept its context (a
    /// callback's), linked to whatever runs the dispatcher (a timer invocation); tagged with the order and the event.
    /// </summary>
    private static Activity? StartDeliverActivity(DueWebhook webhook)
    {
        var raisedIn = ActivityContext.TryParse(webhook.Event.TraceParent, null, out var context) ? context : default;
        var links =
            raisedIn != default && Activity.Current is { } running ? new[] { new ActivityLink(running.Context) } : null;
        var activity = PaymentsTelemetry.ActivitySource.StartActivity(
            PaymentsTelemetry.DeliverActivity,
            ActivityKind.Internal,
            raisedIn,
            links: links
        );
        activity?.SetTag("order.id", webhook.Order.Id);
        activity?.SetTag("event.id", webhook.Event.Id);
        activity?.SetTag("event.type", webhook.Event.Type);
        return activity;
    }

    /// <returns>The <c>payments.webhook.deliveries</c> outcome, or null when another dispatcher claimed the
    /// attempt.</returns>
    private async Task<string?> AttemptAsync(
        Uri endpoint,
        IReadOnlyList<byte[]> keys,
        DueWebhook webhook,
        IReadOnlyList<TimeSpan> schedule,
        CancellationToken cancellationToken
    )
    {
        var orderId = webhook.Order.Id;
        var claim = webhook.Current.Claim(schedule, time.GetUtcNow());
        if (claim is null)
        {
            var abandoned = webhook.Current.Abandon("the last attempt's dispatcher stopped", time.GetUtcNow());
            await outbox.TrySaveAsync(orderId, abandoned, webhook.Delivery?.Version, cancellationToken);
            LogAbandoned(logger, webhook.Event.Id, orderId, webhook.Current.Attempts);
            return WebhookOutcomes.Abandoned;
        }

        var version = await outbox.TrySaveAsync(orderId, claim, webhook.Delivery?.Version, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var body = WebhookMessage.For(claim, webhook.Order);
        var result = await sender.SendAsync(endpoint, keys, webhook.Event.Id, body, cancellationToken);
        var now = time.GetUtcNow();
        if (result.IsGone)
        {
            await outbox.DisableAsync(endpoint, now, cancellationToken);
            LogGone(logger, webhook.Event.Id);
        }

        var next = result.IsSuccess
            ? claim.Succeed(result.StatusCode!.Value, now)
            : claim.Fail(result.StatusCode, result.Describe(), schedule, now);
        await outbox.TrySaveAsync(orderId, next, version, cancellationToken);
        switch (next.State)
        {
            case WebhookDeliveryState.Delivered:
                LogDelivered(logger, webhook.Event.Id, webhook.Event.Type, orderId, next.Attempts);
                break;
            case WebhookDeliveryState.Abandoned:
                LogAbandoned(logger, webhook.Event.Id, orderId, next.Attempts);
                break;
            default:
                LogFailed(logger, webhook.Event.Id, orderId, next.Attempts, result.Describe(), next.NextAttemptAt);
                break;
        }

        return result.IsGone
            ? WebhookOutcomes.Gone
            : next.State switch
            {
                WebhookDeliveryState.Delivered => WebhookOutcomes.Delivered,
                WebhookDeliveryState.Abandoned => WebhookOutcomes.Abandoned,
                _ => WebhookOutcomes.Failed,
            };
    }

    // Event ids 6400-6499 (see Payments.Core.Telemetry.LogEventIds).
    [LoggerMessage(
        EventId = 6401,
        Level = LogLevel.Information,
        Message = "Webhook {EventId} ({Type}) for order {OrderId} delivered on attempt {Attempt}"
    )]
    private static partial void LogDelivered(ILogger logger, string eventId, string type, string orderId, int attempt);

    [LoggerMessage(
        EventId = 6402,
        Level = LogLevel.Warning,
        Message = "Webhook {EventId} for order {OrderId}: attempt {Attempt} failed ({Reason}); next at "
            + "{NextAttemptAt}"
    )]
    private static partial void LogFailed(
        ILogger logger,
        string eventId,
        string orderId,
        int attempt,
        string reason,
        DateTimeOffset nextAttemptAt
    );

    [LoggerMessage(
        EventId = 6403,
        Level = LogLevel.Error,
        Message = "Webhook {EventId} for order {OrderId} abandoned after {Attempts} attempts"
    )]
    private static partial void LogAbandoned(ILogger logger, string eventId, string orderId, int attempts);

    [LoggerMessage(
        EventId = 6404,
        Level = LogLevel.Error,
        Message = "The webhook endpoint answered 410 Gone to {EventId}; it is disabled until Webhooks:Url changes"
    )]
    private static partial void LogGone(ILogger logger, string eventId);

    [LoggerMessage(
        EventId = 6405,
        Level = LogLevel.Debug,
        Message = "The webhook endpoint is disabled (it answered 410 Gone); nothing sent"
    )]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(
        EventId = 6406,
        Level = LogLevel.Warning,
        Message = "Webhook {EventId} for order {OrderId} not handled this run, storage did not answer ({Reason}); it "
            + "stays due"
    )]
    private static partial void LogStorageFailed(ILogger logger, string eventId, string orderId, string reason);

    [LoggerMessage(
        EventId = 6407,
        Level = LogLevel.Warning,
        Message = "Due webhook {EventId} for order {OrderId} skipped this run: {Reason}"
    )]
    private static partial void LogDueSkipped(ILogger logger, string eventId, string orderId, string reason);
}
