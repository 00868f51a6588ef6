namespace Payments.Http.Jobs;

public sealed class PurgeAuditScheduledJob : IScheduledJob
{
    public const string Setting = "AuditPurgeSchedule";

    public string ScheduleSetting => Setting;

    public Task RunOnceAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
