using Microsoft.Extensions.Logging;
using Payments.Core.Orders;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// HUAWEIPIN has no status query: frames still open at the end of their lifetime become Expired. A
/// success callback arriving later is still recorded (and flagged).
/// </summary>
public sealed partial class ExpireFramesJob(
    IOrderRepository orders,
    OrderUpdater updater,
    TimeProvider time,
    ILogger<ExpireFramesJob> logger
)
{
    public const int BatchSize = 500;

    /// <returns>How many frames expired.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        await foreach (
            var due in orders.FindDueAsync(PaymentProvider.HuaweiPin, time.GetUtcNow(), BatchSize, cancellationToken)
        )
        {
            try
            {
                var result = await updater.UpdateAsync(
                    due,
                    (order, now) =>
                        order.NextCheckAt <= now ? order.Expire(now) : new Transition(TransitionKind.Unchanged, order),
                    cancellationToken
                );
                expired += result.Kind == TransitionKind.Changed ? 1 : 0;
            }
            catch (Exception e) when (e is StorageUnavailableException or OrderContentionException)
            {
                LogExpiryFailed(logger, due.Value.Id, e.Message);
            }
        }

        if (expired > 0)
        {
            LogExpired(logger, expired);
        }

        return expired;
    }

    [LoggerMessage(
        EventId = 5202,
        Level = LogLevel.Warning,
        Message = "Frame {OrderId} not expired this run ({Reason}); it stays due"
    )]
    private static partial void LogExpiryFailed(ILogger logger, string orderId, string reason);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Expired {Count} HUAWEIPIN frames")]
    private static partial void LogExpired(ILogger logger, int count);
}
