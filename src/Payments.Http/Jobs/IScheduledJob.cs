namespace Payments.Http.Jobs;

/// <summary>
/// Work run on a timer by both hosts: the Server's <c>CronJobRunner</c> and a Functions timer trigger
/// whose schedule is the app setting named by <see cref="ScheduleSetting"/>.
/// </summary>
public interface IScheduledJob
{
    /// <summary>The app setting holding the six-field NCRONTAB schedule (e.g. <c>0 */1 * * * *</c>).</summary>
    string ScheduleSetting { get; }

    Task RunOnceAsync(CancellationToken cancellationToken);
}
