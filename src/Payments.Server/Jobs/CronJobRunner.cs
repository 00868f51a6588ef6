using NCrontab;
using Payments.Http.Jobs;

namespace Payments.Server.Jobs;

/// <summary>
/// Runs one <see cref="IScheduledJob"/> on its NCRONTAB schedule (six fields, seconds first, as Functions
/// timer triggers read them), never overlapping itself and never on start-up.
/// </summary>
internal sealed partial class CronJobRunner(
    IScheduledJob job,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<CronJobRunner> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expression = configuration[job.ScheduleSetting]
            ?? throw new InvalidOperationException($"The schedule setting '{job.ScheduleSetting}' is missing.");
        var schedule = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            await Task.Delay(next - now, time, stoppingToken);
            try
            {
                await job.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, job.GetType().Name, e);
            }
        }
    }

    [LoggerMessage(
        EventId = 4001,
        Level = LogLevel.Error,
        Message = "Scheduled job {Job} failed; it runs again at its next occurrence"
    )]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
