using Microsoft.Azure.Functions.Worker;
using Payments.Http.Jobs;

namespace Payments.Functions;

/// <summary>One timer per <see cref="IScheduledJob"/>; schedules come from app settings, never on start-up.</summary>
public sealed class TimerFunctions(
    ExpireFramesScheduledJob expireFrames,
    HaiPayPollScheduledJob haiPayPoll,
    PurgeIdempotencyKeysScheduledJob purgeIdempotencyKeys,
    DeliverWebhooksScheduledJob deliverWebhooks,
    PurgeAuditScheduledJob purgeAudit,
    ReconcileScheduledJob reconcile
)
{
    [Function("ExpireFrames")]
    public Task ExpireFrames(
        [TimerTrigger("%ExpireFramesSchedule%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken
    ) => expireFrames.RunOnceAsync(cancellationToken);

    [Function("HaiPayPoll")]
    public Task HaiPayPoll(
        [TimerTrigger("%HaiPayPollSchedule%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken
    ) => haiPayPoll.RunOnceAsync(cancellationToken);

    [Function("PurgeIdempotencyKeys")]
    public Task PurgeIdempotencyKeys(
        [TimerTrigger("%IdempotencyPurgeSchedule%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken
    ) => purgeIdempotencyKeys.RunOnceAsync(cancellationToken);

    [Function("DeliverWebhooks")]
    public Task DeliverWebhooks(
        [TimerTrigger("%DeliverWebhooksSchedule%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken
    ) => deliverWebhooks.RunOnceAsync(cancellationToken);

    [Function("PurgeAudit")]
    public Task PurgeAudit(
        [TimerTrigger("%AuditPurgeSchedule%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken
    ) => purgeAudit.RunOnceAsync(cancellationToken);

    [Function("Reconcile")]
    public Task Reconcile(
        [TimerTrigger("%ReconcileSchedule%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken
    ) => reconcile.RunOnceAsync(cancellationToken);
}
