using Payments.Core.HuaweiPin;

namespace Payments.Http.Jobs;

/// <summary>Expires HUAWEIPIN frames on the <c>ExpireFramesSchedule</c> app setting.</summary>
public sealed class ExpireFramesScheduledJob(ExpireFramesJob job) : IScheduledJob
{
    public const string Setting = "ExpireFramesSchedule";

    public string ScheduleSetting => Setting;

    public Task RunOnceAsync(CancellationToken cancellationToken) => job.RunOnceAsync(cancellationToken);
}
