using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core.Webhooks;

namespace Payments.Azure.Webhooks;

public sealed partial class TableWebhookOutbox
{
    public async Task<(IReadOnlyList<WebhookDelivery> Deliveries, bool More)> ListDeliveriesAsync(
        string orderId,
        int limit,
        CancellationToken cancellationToken
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WebhookIndex.DeliveryPartition(orderId)}");
        var deliveries = new List<WebhookDelivery>();
        await foreach (var row in tables.Webhooks.QueryAsync(filter, null, limit + 1, cancellationToken))
        {
            if (deliveries.Count == limit)
            {
                return (deliveries, true);
            }

            deliveries.Add(DeliveryRows.FromEntity(TableKeys.Decode(row.RowKey), row));
        }

        return (deliveries, false);
    }
}
