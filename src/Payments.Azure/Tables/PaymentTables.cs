using Azure.Data.Tables;

namespace Payments.Azure.Tables;

/// <summary>The tables this service uses, created on start if missing; every call on them bounded by <paramref name="timeout"/>.</summary>
public sealed class PaymentTables(TableServiceClient service, string prefix, TimeSpan timeout)
{
    public StorageTable Orders { get; } = new(service.GetTableClient(prefix + "orders"), timeout);
    public StorageTable Due { get; } = new(service.GetTableClient(prefix + "orderdue"), timeout);
    public StorageTable Audit { get; } = new(service.GetTableClient(prefix + "audit"), timeout);
    public StorageTable Idempotency { get; } = new(service.GetTableClient(prefix + "idempotency"), timeout);
    public StorageTable Webhooks { get; } = new(service.GetTableClient(prefix + "webhooks"), timeout);

    public IEnumerable<StorageTable> All => [Orders, Due, Audit, Idempotency, Webhooks];

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
