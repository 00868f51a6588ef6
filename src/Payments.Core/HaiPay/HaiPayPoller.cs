using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Core.Orders;
using Payments.Core.Telemetry;

namespace Payments.Core.HaiPay;

/// <summary>
/// Checks every HaiPay order that is due, a bounded number at a time. Each order is first claimed by
/// compare-and-swap, so two pollers (two hosts, or overlapping runs) never query the same order at once.
/// </summary>
public sealed partial class HaiPayPoller(
    IOrderRepository orders,
    OrderUpdater updater,
    HaiPayChecker checker,
    IOptionsMonitor<HaiPayOptions> options,
    TimeProvider time,
    ILogger<HaiPayPoller> logger,
    IPaymentsMetrics metrics
)
{
    /// <summary>
    /// Checks the due orders (at most <see cref="HaiPayOptions.PollBatchSize"/>) and reports the poll lag: how far the
    /// oldest of them was past due when the run started (zero when none was).
    /// </summary>
    /// <returns>How many orders this run checked.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = settings.PollConcurrency,
            CancellationToken = cancellationToken,
        };
        var checkedCount = 0;
        var started = time.GetUtcNow();
        var oldestDueTicks = long.MaxValue;
        var due = orders.FindDueAsync(PaymentProvider.HaiPay, started, settings.PollBatchSize, cancellationToken);
        await Parallel.ForEachAsync(due, parallel, async (order, token) =>
        {
            if (order.Value.NextCheckAt is { } dueAt)
            {
                InterlockedMin(ref oldestDueTicks, dueAt.UtcTicks);
            }

            try
            {
                var claim = await updater.UpdateAsync(
                    order,
                    (o, now) => o.ClaimCheck(now + settings.ClaimLease, now),
                    token
                );
                if (claim is { Kind: TransitionKind.Changed, Order: { } claimed })
                {
                    // A trace of its own: the signed query may be what settles the payment, and is found by it.
                    using var activity = PaymentsActivities.Source.StartActivity("HaiPay scheduled check");
                    activity?.SetTag("order.id", claimed.Id);
                    await checker.CheckAsync(claimed, scheduled: true, token);
                    Interlocked.Increment(ref checkedCount);
                }
            }
            catch (Exception e) when (e is StorageUnavailableException or OrderContentionException)
            {
                LogCheckFailed(logger, order.Value.Id, e.Message);
            }
        });

        if (checkedCount > 0)
        {
            LogChecked(logger, checkedCount);
        }

        metrics.PollRan(
            oldestDueTicks < started.UtcTicks ? TimeSpan.FromTicks(started.UtcTicks - oldestDueTicks) : TimeSpan.Zero
        );
        return checkedCount;
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Checked {Count} HaiPay orders")]
    private static partial void LogChecked(ILogger logger, int count);

    [LoggerMessage(
        EventId = 6102,
        Level = LogLevel.Warning,
        Message = "Check of HaiPay order {OrderId} did not complete ({Reason}); its claim lapses and it is retried"
    )]
    private static partial void LogCheckFailed(ILogger logger, string orderId, string reason);
}
