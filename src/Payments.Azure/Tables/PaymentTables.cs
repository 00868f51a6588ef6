namespace Payments.Azure.Tables;

/// <summary>The tables this service uses, created on start if missing.</summary>
public sealed class PaymentTables(TableServiceClient service, string prefix)
{
    public TableClient Orders { get; } = service.GetTableClient(prefix + "orders");
    public TableClient Due { get; } = service.GetTableClient(prefix + "orderdue");
    public TableClient Audit { get; } = service.GetTableClient(prefix + "audit");
    public TableClient Idempotency { get; } = service.GetTableClient(prefix + "idempotency");
    public TableClient Webhooks { get; } = service.GetTableClient(prefix + "webhooks");

    public IEnumerable<TableClient> All => [Orders, Due, Audit, Idempotency, Webhooks];

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            var outcome = await table.CreateIfNotExistsAsync(cancellationToken);
            if (outcome != TableOutcome.Success)
            {
                throw new Core.StorageUnavailableException($"Could not create table {table.Name}: {outcome}");
            }
        }
    }
}
