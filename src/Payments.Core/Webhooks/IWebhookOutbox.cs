using Payments.Core.Orders;

namespace Payments.Core.Webhooks;

/// <summary>
/// Events waiting for delivery. An event is raised in the order's own row (same write as the state change); the
/// outbox indexes it by due time and keeps one delivery record per event beside the order.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>
    /// Events due at <paramref name="now"/> whose order still has them as its last event and whose delivery is still
    /// pending at that due time. Index entries that no longer hold (the order moved on, the delivery finished or was
    /// rescheduled) are deleted as they are read.
    /// </summary>
    IAsyncEnumerable<DueWebhook> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the delivery if its stored version is still <paramref name="version"/> (null: not stored yet), indexing
    /// its next attempt first when it is pending.
    /// </summary>
    /// <returns>The new version, or null when another dispatcher changed it first.</returns>
    Task<string?> TrySaveAsync(string orderId, WebhookDelivery delivery, string? version, CancellationToken cancellationToken);

    Task<WebhookDelivery?> FindAsync(string orderId, string eventId, CancellationToken cancellationToken);

    /// <summary>True after the endpoint answered 410 Gone; nothing is sent to it again.</summary>
    Task<bool> IsDisabledAsync(Uri endpoint, CancellationToken cancellationToken);

    Task DisableAsync(Uri endpoint, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the endpoint was disabled by a 410, or null when it is not disabled.</summary>
    Task<DateTimeOffset?> DisabledAtAsync(Uri endpoint, CancellationToken cancellationToken);

    /// <summary>Re-enables an endpoint disabled by a 410; false when it was not disabled.</summary>
    Task<bool> EnableAsync(Uri endpoint, CancellationToken cancellationToken);

    /// <summary>The delivery record with the version its next compare-and-swap must match.</summary>
    Task<Versioned<WebhookDelivery>?> FindVersionedAsync(string orderId, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Abandoned deliveries, oldest abandonment first, at most <paramref name="limit"/> index rows read per call (from an index
    /// written with the abandonment, never a scan); <paramref name="after"/> is the previous page's continuation.
    /// </summary>
    Task<AbandonedWebhookPage> ListAbandonedAsync(int limit, string? after, CancellationToken cancellationToken);

    /// <summary>
    /// Makes an abandoned delivery due again (<see cref="WebhookDelivery.Replay"/>) if its stored version is still the one read,
    /// and drops it from the abandoned index.
    /// </summary>
    /// <returns>The new version, or null when the delivery changed first.</returns>
    Task<string?> TryReplayAsync(string orderId, Versioned<WebhookDelivery> abandoned, DateTimeOffset now, CancellationToken cancellationToken);
}
