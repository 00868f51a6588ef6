using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Payments.Http.Telemetry;

namespace Payments.Server.Telemetry;

public static class ServerTelemetry
{
    /// <summary>The service name exporters report.</summary>
    public const string ServiceName = "payments-server";

    /// <summary>The health route, which orchestrators (the local stack's AppHost) poll: not traced.</summary>
    private const string HealthPath = "/api/health";

    /// <summary>
    /// OpenTelemetry for the Server: traces from the <c>Payments</c> activity source, ASP.NET Core and HttpClient
    /// (root outgoing calls, the storage polls of timer jobs, dropped by <see cref="RootClientCallsDropped"/>; health
    /// probes not traced), metrics from the <c>Payments</c> meter, ASP.NET Core and HttpClient; exported with the logs
    /// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the other standard <c>OTEL_*</c> settings apply, and
    /// <c>OTEL_SERVICE_NAME</c>, when set, names the service instead of <see cref="ServiceName"/>), traces and metrics
    /// to the console when <c>Telemetry:Console</c> is true, and not at all otherwise (no SDK is started then).
    /// </summary>
    public static IServiceCollection AddServerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.OtlpEndpointSetting]);
        var console =
            !otlp && (configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Console ?? false);
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section));
        if (!otlp && !console)
        {
            return services;
        }

        var builder = services
            .AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(ServiceName);
                }
            })
            .WithTracing(tracing =>
            {
                tracing
                    .SetSampler(RootClientCallsDropped.ParentBased)
                    .AddSource(PaymentsTelemetry.Name)
                    .AddAspNetCoreInstrumentation(options =>
                        options.Filter = context => !context.Request.Path.Equals(HealthPath, StringComparison.Ordinal)
                    )
                    .AddHttpClientInstrumentation();
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PaymentsTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        if (otlp)
        {
            builder.WithLogging(_ => { }, options => options.IncludeFormattedMessage = true).UseOtlpExporter();
        }

        return services;
    }
}
