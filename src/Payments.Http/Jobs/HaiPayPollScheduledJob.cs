using Payments.Core.HaiPay;

namespace Payments.Http.Jobs;

/// <summary>Checks due HaiPay orders on the <c>HaiPayPollSchedule</c> app setting.</summary>
public sealed class HaiPayPollScheduledJob(HaiPayPoller poller) : IScheduledJob
{
    public const string Setting = "HaiPayPollSchedule";

    public string ScheduleSetting => Setting;

    public Task RunOnceAsync(CancellationToken cancellationToken) => poller.RunOnceAsync(cancellationToken);
}
