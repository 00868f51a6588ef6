using Payments.Core.Reconciliation;

namespace Payments.Http.Jobs;

/// <summary>
/// Reconciles the previous UTC day with HaiPay on the <c>ReconcileSchedule</c> app setting (daily by default), or
/// resumes that day's run where a crash left it.
/// </summary>
public sealed class ReconcileScheduledJob(HaiPayReconciler reconciler, TimeProvider time) : IScheduledJob
{
    public const string Setting = "ReconcileSchedule";

    public string ScheduleSetting => Setting;

    public Task RunOnceAsync(CancellationToken cancellationToken) =>
        reconciler.RunAsync(
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1),
            again: false,
            cancellationToken
        );
}
