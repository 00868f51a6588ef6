using Payments.Core.Orders;

namespace Payments.Core.Webhooks;

/// <summary>
/// The webhook outbox: it owns every row about delivering events (the due index, one delivery record per event, the
/// abandoned index, disabled endpoints) and reads no other store. An event itself is raised in its order's row (same
/// write as the state change); the outbox is told about it first (<see cref="ScheduleAsync"/>), so no order holds an
/// event the outbox cannot find. Whether an event is still its order's last is the caller's join: the outbox answers
/// for deliveries only.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>
    /// Makes <paramref name="raised"/> due at its <see cref="OrderEvent.OccurredAt"/> (before the order write), with
    /// the <paramref name="body"/> every attempt at it sends (null: written when sent). The first attempt's delivery
    /// record keeps it (<see cref="WebhookDelivery.Body"/>).
    /// </summary>
    Task ScheduleAsync(string orderId, OrderEvent raised, string? body, CancellationToken cancellationToken);

    /// <summary>
    /// Events due at <paramref name="now"/> whose delivery, if any, is still pending at that due time, read lazily,
    /// <paramref name="pageSize"/> index rows per request (stop enumerating when you have enough). Index entries that
    /// no longer hold (the delivery finished or was rescheduled) are deleted as they are read; an entry whose delivery
    /// cannot be read is skipped and kept for the next run.
    /// </summary>
    IAsyncEnumerable<ScheduledWebhook> FindDueAsync(
        DateTimeOffset now,
        int pageSize,
        CancellationToken cancellationToken
    );

    /// <summary>Drops a due entry the caller found stale (its order has moved on from the event).</summary>
    Task ForgetDueAsync(ScheduledWebhook entry, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the delivery if its stored version is still <paramref name="version"/> (null: not stored yet), indexing
    /// its next attempt first when it is pending, or its abandonment when it is abandoned.
    /// </summary>
    /// <returns>The new version, or null when another dispatcher changed it first.</returns>
    Task<string?> TrySaveAsync(
        string orderId,
        WebhookDelivery delivery,
        string? version,
        CancellationToken cancellationToken
    );

    Task<WebhookDelivery?> FindAsync(string orderId, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// The order's delivery records, one per event, at most <paramref name="limit"/> (one partition read, in no
    /// particular order), and whether more are stored.
    /// </summary>
    Task<(IReadOnlyList<WebhookDelivery> Deliveries, bool More)> ListDeliveriesAsync(
        string orderId,
        int limit,
        CancellationToken cancellationToken
    );

    /// <summary>The delivery record with the version its next compare-and-swap must match.</summary>
    Task<Versioned<WebhookDelivery>?> FindVersionedAsync(
        string orderId,
        string eventId,
        CancellationToken cancellationToken
    );

    /// <summary>True after the endpoint answered 410 Gone; nothing is sent to it again.</summary>
    Task<bool> IsDisabledAsync(Uri endpoint, CancellationToken cancellationToken);

    Task DisableAsync(Uri endpoint, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the endpoint was disabled by a 410, or null when it is not disabled.</summary>
    Task<DateTimeOffset?> DisabledAtAsync(Uri endpoint, CancellationToken cancellationToken);

    /// <summary>Re-enables an endpoint disabled by a 410; false when it was not disabled.</summary>
    Task<bool> EnableAsync(Uri endpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Abandoned deliveries, oldest abandonment first, at most <paramref name="limit"/> index rows read per call (from
    /// an index written with the abandonment, never a scan); <paramref name="after"/> is the previous page's
    /// continuation. An index row whose delivery is no longer abandoned at that time is deleted, not listed.
    /// </summary>
    Task<AbandonedDeliveryPage> ListAbandonedAsync(int limit, string? after, CancellationToken cancellationToken);

    /// <summary>
    /// Drops an abandoned delivery from the abandoned index (its order has moved on: it is never replayed).
    /// </summary>
    Task ForgetAbandonedAsync(AbandonedDelivery abandoned, CancellationToken cancellationToken);

    /// <summary>
    /// Makes an abandoned delivery due again (<see cref="WebhookDelivery.Replay"/>) if its stored version is still the
    /// one read, and drops it from the abandoned index.
    /// </summary>
    /// <returns>The new version, or null when the delivery changed first.</returns>
    Task<string?> TryReplayAsync(
        string orderId,
        Versioned<WebhookDelivery> abandoned,
        DateTimeOffset now,
        CancellationToken cancellationToken
    );
}
