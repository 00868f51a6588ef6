using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payments.AppHost;

/// <summary>
/// Azurite is ready once its Table endpoint answers HTTP (any status: an unsigned request is refused, which still
/// proves the service is serving). Until then the Server, which needs storage from its first request, is not started.
/// </summary>
internal sealed class AzuriteTableCheck(Uri tableUrl) : IHealthCheck
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            using var response = await Client.GetAsync(tableUrl, cancellationToken);
            return HealthCheckResult.Healthy($"Table endpoint answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException e)
        {
            return HealthCheckResult.Unhealthy($"Table endpoint not answering: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Table endpoint did not answer within 2 s.");
        }
    }
}
