using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Payments.Azure.Tables;
using Payments.Core;
using Payments.Core.Audit;

namespace Payments.Azure.Audit;

/// <summary>
/// Audit rows: partition per order (<c>o-{encoded id}</c>) or, for messages about unknown orders, per day
/// (<c>unmatched-{yyyyMMdd}</c>); RowKey <c>{ticks:D19}-{guid}</c> keeps them in arrival order.
/// </summary>
public sealed class TableAuditLog(PaymentTables tables) : IAuditLog
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rowKey = $"{record.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        var entity = new TableEntity(Partition(record.OrderId, record.At), rowKey)
        {
            ["OrderId"] = record.OrderId,
            ["Kind"] = record.Kind,
            ["Payload"] = record.Payload,
            ["At"] = record.At,
        };
        var response = await tables.Audit.InsertAsync(entity, cancellationToken);
        if (!response.IsSuccess)
        {
            throw new StorageUnavailableException($"Audit table: {response.Outcome}");
        }
    }

    public async IAsyncEnumerable<AuditRecord> ListAsync(string? orderId, DateTimeOffset day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(orderId, day)}");
        await foreach (var row in tables.Audit.QueryAsync(filter, null, 1000, cancellationToken))
        {
            yield return new AuditRecord(row.GetString("OrderId"), row.GetString("Kind")!, row.GetString("Payload")!, row.GetDateTimeOffset("At")!.Value);
        }
    }

    private static string Partition(string? orderId, DateTimeOffset at) =>
        orderId is null ? $"unmatched-{at.UtcDateTime:yyyyMMdd}" : $"o-{TableKeys.Encode(orderId)}";
}
