using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payments.Azure.Tables;
using Payments.Core;

namespace Payments.Azure;

/// <summary>
/// Creates the tables in the background after start, retrying while storage is unreachable, so the host
/// starts (and answers 503 on health) even when storage is down.
/// </summary>
public sealed partial class StorageInitializer(
    PaymentTables tables,
    TimeProvider time,
    ILogger<StorageInitializer> logger
) : BackgroundService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the tables exist.</summary>
    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tables.CreateIfNotExistsAsync(stoppingToken);
                ready.TrySetResult();
                return;
            }
            catch (StorageUnavailableException e)
            {
                LogRetry(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Tables not created yet ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string reason);
}
