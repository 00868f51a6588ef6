using Payments.Http.Jobs;

namespace Payments.Server.Jobs;

internal static class JobServiceCollectionExtensions
{
    /// <summary>One <see cref="CronJobRunner"/> per registered <see cref="IScheduledJob"/>.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddSingleton<IHostedService>(sp => new CronJobRunners(
            sp.GetServices<IScheduledJob>()
                .Select(job => ActivatorUtilities.CreateInstance<CronJobRunner>(sp, job))
                .ToList()
        ));
        return services;
    }
}
