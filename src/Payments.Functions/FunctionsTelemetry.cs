using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Payments.Http.Telemetry;

namespace Payments.Functions;

/// <summary>
/// The worker's OpenTelemetry: the <c>Payments</c> activity source and meter, outgoing HttpClient calls and the
/// Functions invocation, exported to Application Insights with the app's user-assigned managed identity (Application
/// Insights has local authentication off). Only when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; nothing is
/// exported otherwise. The Functions host keeps its own Application Insights telemetry (requests, the worker's logs),
/// authenticated by
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>.
/// </summary>
public static class FunctionsTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// The user-assigned identity's client id (infra sets it); without it, the system-assigned identity.
    /// </summary>
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary>
    /// The worker's log filters, the same as <c>host.json</c>'s <c>logging.logLevel</c> for the categories the worker
    /// writes (<c>default</c> and <c>Azure.Core</c>): the worker exports its own logs, which host.json does not filter.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, LogLevel> LogLevels = new Dictionary<string, LogLevel>(
        StringComparer.Ordinal
    )
    {
        ["default"] = LogLevel.Information,
        ["Azure.Core"] = LogLevel.Warning,
    };

    /// <summary>
    /// host.json categories the worker never writes: the host's own (<c>Host.Results</c>, <c>Function</c>, ...).
    /// </summary>
    public static readonly IReadOnlyList<string> HostOnlyCategories = ["Host.", "Function"];

    /// <summary>
    /// The worker's log filters: <see cref="LogLevels"/>, the levels host.json gives the same categories.
    /// </summary>
    public static IServiceCollection AddWorkerLogFilters(this IServiceCollection services) =>
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevels["default"]);
            foreach (var (category, level) in LogLevels.Where(l => l.Key != "default"))
            {
                logging.AddFilter(category, level);
            }
        });

    /// <summary>
    /// OpenTelemetry export to Application Insights when <see cref="ConnectionStringSetting"/> is set.
    /// </summary>
    public static IServiceCollection AddFunctionsTelemetry(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var clientId = configuration[ClientIdSetting];
        services.Configure<AzureMonitorExporterOptions>(options =>
        {
            options.ConnectionString = connectionString;
            options.Credential = new ManagedIdentityCredential(
                string.IsNullOrWhiteSpace(clientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(clientId)
            );
        });

        // Traces and metrics only: the worker's logs already reach Application Insights through the Functions host
        // (filtered by host.json); exporting them here too would write each line twice.
        services
            .AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing =>
                tracing.AddSource(PaymentsTelemetry.Name).AddHttpClientInstrumentation().AddAzureMonitorTraceExporter()
            )
            .WithMetrics(metrics => metrics.AddMeter(PaymentsTelemetry.Name).AddAzureMonitorMetricExporter());
        return services;
    }
}
