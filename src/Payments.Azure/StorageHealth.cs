using Microsoft.Extensions.Logging;
using Payments.Azure.Tables;

namespace Payments.Azure;

/// <summary>
/// Healthy when the tables were created and storage answers a point read now. Tables found missing after start (storage
/// lost or someone deleted them) are created again, as on start, rather than leaving every write failing.
/// </summary>
public sealed partial class StorageHealth(
    StorageInitializer initializer,
    PaymentTables tables,
    ILogger<StorageHealth> logger
)
{
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (!initializer.IsReady)
        {
            return false;
        }

        var probe = await tables.Orders.GetAsync("health", "probe", cancellationToken);
        if (probe.Outcome == TableOutcome.TableNotFound)
        {
            LogTablesMissing(logger, tables.Orders.Name);
            await tables.CreateIfNotExistsAsync(cancellationToken);
            probe = await tables.Orders.GetAsync("health", "probe", cancellationToken);
        }

        return probe.Outcome is TableOutcome.Success or TableOutcome.NotFound;
    }

    [LoggerMessage(
        EventId = 3050,
        Level = LogLevel.Warning,
        Message = "Table {Table} is missing; creating the tables again"
    )]
    private static partial void LogTablesMissing(ILogger logger, string table);
}
