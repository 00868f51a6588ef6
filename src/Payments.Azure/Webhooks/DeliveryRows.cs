using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Webhooks;

namespace Payments.Azure.Webhooks;

/// <summary>Maps a delivery record to its row in the outbox's table (see <see cref="WebhookIndex"/>).</summary>
internal static class DeliveryRows
{
    public static TableEntity ToEntity(string orderId, WebhookDelivery delivery) =>
        new(WebhookIndex.DeliveryPartition(orderId), WebhookIndex.DeliveryRowKey(delivery.EventId))
        {
            ["State"] = delivery.State.ToString(),
            ["Attempts"] = delivery.Attempts,
            ["NextAttemptAt"] = delivery.NextAttemptAt,
            ["LastStatusCode"] = delivery.LastStatusCode,
            ["LastError"] = delivery.LastError,
            ["FinishedAt"] = delivery.FinishedAt,
            [WebhookIndex.BodyColumn] = WebhookIndex.Kept(delivery.Body),
        };

    public static WebhookDelivery FromEntity(string eventId, TableEntity entity) =>
        new(
            eventId,
            Enum.Parse<WebhookDeliveryState>(entity.GetString("State")!),
            (int)(entity.GetNumber("Attempts") ?? 0),
            entity.GetDateTimeOffset("NextAttemptAt")!.Value,
            entity.GetNumber("LastStatusCode") is { } code ? (int)code : null,
            entity.GetString("LastError"),
            entity.GetDateTimeOffset("FinishedAt"),
            entity.GetString(WebhookIndex.BodyColumn)
        );
}
