using Microsoft.Extensions.Logging;
using Payments.Core.Telemetry;

namespace Payments.Core.Orders;

/// <summary>
/// Read, transition, compare-and-swap; on a lost race, read again and re-decide. A change is written
/// at most once however many copies of the same event arrive concurrently.
/// </summary>
public sealed partial class OrderUpdater(
    IOrderRepository repository,
    TimeProvider time,
    ILogger<OrderUpdater> logger,
    IPaymentsMetrics metrics
)
{
    /// <summary>
    /// Lost races tolerated before giving up; each loser re-reads, so this bounds contention, not correctness.
    /// </summary>
    public const int MaxAttempts = 16;

    public Task<UpdateResult> UpdateAsync(
        string orderId,
        Func<PaymentOrder, DateTimeOffset, Transition> change,
        CancellationToken cancellationToken
    ) => UpdateAsync(orderId, null, change, cancellationToken);

    /// <summary>Starts from an order just read (saves a read when it is still current).</summary>
    public Task<UpdateResult> UpdateAsync(
        Versioned<PaymentOrder> known,
        Func<PaymentOrder, DateTimeOffset, Transition> change,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(known);
        return UpdateAsync(known.Value.Id, known, change, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to exactly the order <paramref name="seen"/>, once: when the stored order is
    /// no longer that version (anything changed it since it was read), nothing is written and the answer is a conflict
    /// with the order as it now is. For decisions made on what was seen (an operator's), which must never be re-applied
    /// to a newer state the way <see cref="UpdateAsync(Versioned{PaymentOrder}, Func{PaymentOrder, DateTimeOffset,
    /// Transition}, CancellationToken)"/> re-decides after a lost race.
    /// </summary>
    public async Task<UpdateResult> UpdateIfUnchangedAsync(
        Versioned<PaymentOrder> seen,
        Func<PaymentOrder, DateTimeOffset, Transition> change,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(change);
        var transition = change(seen.Value, time.GetUtcNow());
        if (!transition.IsChanged)
        {
            return new UpdateResult(transition.Kind, transition.Order);
        }

        if (await repository.TryReplaceAsync(seen, transition.Order, cancellationToken) is not null)
        {
            LogChanged(logger, seen.Value.Id, seen.Value.Status, transition.Order.Status);
            metrics.OrderChanged(seen.Value, transition.Order);
            return new UpdateResult(TransitionKind.Changed, transition.Order);
        }

        LogChangedSinceSeen(logger, seen.Value.Id);
        var current = await repository.FindAsync(seen.Value.Id, cancellationToken);
        return current is null ? UpdateResult.NotFound : new UpdateResult(TransitionKind.Conflict, current.Value);
    }

    private async Task<UpdateResult> UpdateAsync(
        string orderId,
        Versioned<PaymentOrder>? known,
        Func<PaymentOrder, DateTimeOffset, Transition> change,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current =
                attempt == 1 && known is not null ? known : await repository.FindAsync(orderId, cancellationToken);
            if (current is null)
            {
                return UpdateResult.NotFound;
            }

            var transition = change(current.Value, time.GetUtcNow());
            if (transition is { Kind: TransitionKind.Conflict, Flagged: { } flagged })
            {
                // Refused, but a person must look: the flag is written by compare-and-swap like any change.
                LogConflict(logger, orderId, current.Value.Status);
                if (await repository.TryReplaceAsync(current, flagged, cancellationToken) is not null)
                {
                    LogFlagged(logger, orderId, current.Value.Status, flagged.ReviewReason?.Name());
                    return new UpdateResult(TransitionKind.Conflict, flagged);
                }

                LogLostRace(logger, orderId, attempt);
                continue;
            }

            if (!transition.IsChanged)
            {
                if (transition.Kind == TransitionKind.Conflict)
                {
                    LogConflict(logger, orderId, current.Value.Status);
                }

                return new UpdateResult(transition.Kind, transition.Order);
            }

            if (await repository.TryReplaceAsync(current, transition.Order, cancellationToken) is not null)
            {
                LogChanged(logger, orderId, current.Value.Status, transition.Order.Status);
                metrics.OrderChanged(current.Value, transition.Order);
                return new UpdateResult(TransitionKind.Changed, transition.Order);
            }

            LogLostRace(logger, orderId, attempt);
        }

        throw new OrderContentionException(orderId);
    }

    // Event ids 1000-1099 (see LogEventIds).
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Order {OrderId} moved from {From} to {To}")]
    private static partial void LogChanged(ILogger logger, string orderId, OrderStatus from, OrderStatus to);

    [LoggerMessage(
        EventId = 1002,
        Level = LogLevel.Debug,
        Message = "Order {OrderId} changed underneath us (attempt {Attempt}); re-reading"
    )]
    private static partial void LogLostRace(ILogger logger, string orderId, int attempt);

    [LoggerMessage(
        EventId = 1004,
        Level = LogLevel.Information,
        Message = "Order {OrderId} changed since it was read for a decision; the decision was not applied"
    )]
    private static partial void LogChangedSinceSeen(ILogger logger, string orderId);

    [LoggerMessage(
        EventId = 1003,
        Level = LogLevel.Warning,
        Message = "Order {OrderId} is final ({Status}); a contradicting provider verdict was not applied"
    )]
    private static partial void LogConflict(ILogger logger, string orderId, OrderStatus status);

    [LoggerMessage(
        EventId = 1005,
        Level = LogLevel.Warning,
        Message = "Order {OrderId} stays {Status}, flagged for a person: {Reason}"
    )]
    private static partial void LogFlagged(ILogger logger, string orderId, OrderStatus status, string? reason);
}
