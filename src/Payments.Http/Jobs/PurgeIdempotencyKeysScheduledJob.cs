using Payments.Core.Idempotency;

namespace Payments.Http.Jobs;

/// <summary>
/// Deletes expired idempotency keys on the <c>IdempotencyPurgeSchedule</c> app setting (daily by default).
/// </summary>
public sealed class PurgeIdempotencyKeysScheduledJob(IIdempotencyStore store, TimeProvider time) : IScheduledJob
{
    public const string Setting = "IdempotencyPurgeSchedule";

    public string ScheduleSetting => Setting;

    public Task RunOnceAsync(CancellationToken cancellationToken) =>
        store.PurgeExpiredAsync(time.GetUtcNow(), cancellationToken);
}
