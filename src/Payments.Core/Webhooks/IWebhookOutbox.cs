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
}
