namespace Payments.Server.Jobs;

/// <summary>Starts and stops every job runner together.</summary>
internal sealed class CronJobRunners(IReadOnlyList<CronJobRunner> runners) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(runners.Select(r => r.StartAsync(cancellationToken)));

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(runners.Select(r => r.StopAsync(cancellationToken)));
}
