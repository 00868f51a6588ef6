using Microsoft.Extensions.Options;
using Payments.Core.Audit;

namespace Payments.Http.Jobs;

/// <summary>
/// Deletes the audit months wholly older than <see cref="AuditOptions.Retention"/> (and the attention rows of the
/// provider messages they recorded) on the <c>AuditPurgeSchedule</c> app setting (daily by default): whole month
/// tables, no row read. With <see cref="AuditOptions.DropExpiredMonths"/> off (Azure, where the app's role cannot
/// delete a table) the months are left for the operator step and reported once per run.
/// </summary>
public sealed class PurgeAuditScheduledJob(IAuditLog audit, IOptionsMonitor<AuditOptions> options, TimeProvider time)
    : IScheduledJob
{
    public const string Setting = "AuditPurgeSchedule";

    public string ScheduleSetting => Setting;

    public Task RunOnceAsync(CancellationToken cancellationToken) =>
        audit.PurgeAsync(time.GetUtcNow() - options.CurrentValue.Retention, cancellationToken);
}
