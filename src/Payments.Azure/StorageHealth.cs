using Payments.Azure.Tables;

namespace Payments.Azure;

/// <summary>Healthy when the tables were created and storage answers a point read now.</summary>
public sealed class StorageHealth(StorageInitializer initializer, PaymentTables tables)
{
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (!initializer.IsReady)
        {
            return false;
        }

        var probe = await tables.Orders.GetAsync("health", "probe", cancellationToken);
        return probe.Outcome is TableOutcome.Success or TableOutcome.NotFound;
    }
}
