using Microsoft.Extensions.Logging;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Webhooks;

namespace Payments.Core.Operations.WebhookReplays;

/// <summary>
/// An operator makes an abandoned webhook delivery due again, when its event is still the order's last: recorded first,
/// then replayed by the outbox's compare-and-swap on the delivery as read, then the outcome row is written.
/// </summary>
public sealed partial class ReplayWebhookHandler(
    IWebhookOutbox outbox,
    IOrderRepository orders,
    OperatorRecords records,
    TimeProvider time,
    ILogger<ReplayWebhookHandler> logger
)
{
    public async Task<ReplayWebhookResult> HandleAsync(
        ReplayWebhookCommand command,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(command);
        var (orderId, eventId, by, note) = command;
        var delivery = await outbox.FindVersionedAsync(orderId, eventId, cancellationToken);
        var order = delivery is null ? null : await orders.FindAsync(orderId, cancellationToken);
        if (delivery is null || order is null)
        {
            return new ReplayWebhookResult.DeliveryNotFound();
        }

        if (Refusal(delivery.Value, order.Value) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        await records.RecordAttemptAsync(
            orderId,
            AuditKinds.OperatorWebhookReplay,
            by,
            new Dictionary<string, object?>
            {
                ["note"] = note,
                ["eventId"] = eventId,
                ["attempts"] = delivery.Value.Attempts,
                ["lastError"] = delivery.Value.LastError,
            },
            now,
            cancellationToken
        );
        if (await outbox.TryReplayAsync(orderId, delivery, now, cancellationToken) is null)
        {
            await records.RecordOutcomeAsync(
                orderId,
                AuditKinds.OperatorWebhookReplay,
                now,
                "the delivery changed meanwhile",
                cancellationToken
            );
            return new ReplayWebhookResult.ChangedMeanwhile();
        }

        await records.RecordOutcomeAsync(orderId, AuditKinds.OperatorWebhookReplay, now, null, cancellationToken);
        LogReplayed(logger, eventId, orderId, by.Label);
        return new ReplayWebhookResult.Replayed(now);
    }

    /// <summary>
    /// Why <paramref name="delivery"/> of an event of <paramref name="order"/> is not replayed: it is not abandoned, or
    /// the order has moved on to a later event; null when it is replayed.
    /// </summary>
    internal static ReplayWebhookResult? Refusal(WebhookDelivery delivery, PaymentOrder order)
    {
        if (delivery.State != WebhookDeliveryState.Abandoned)
        {
            return new ReplayWebhookResult.NotAbandoned(delivery.State);
        }

        return order.LastEvent?.Id != delivery.EventId ? new ReplayWebhookResult.OrderMovedOn() : null;
    }

    [LoggerMessage(
        EventId = 7002,
        Level = LogLevel.Information,
        Message = "Operator {Operator} replayed webhook {EventId} of order {OrderId}"
    )]
    private static partial void LogReplayed(ILogger logger, string eventId, string orderId, string @operator);
}
