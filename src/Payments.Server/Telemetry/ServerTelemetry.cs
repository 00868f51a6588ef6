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

    /// <summary>
    /// OpenTelemetry for the Server: traces from the <c>Payments</c> activity source, ASP.NET Core and HttpClient,
    /// metrics from the
    /// <c>Payments</c> meter, ASP.NET Core and HttpClient; exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is set (the other standard <c>OTEL_*</c> settings apply), to the console when <c>Telemetry:Console</c> is true,
    /// and not at all otherwise (no SDK is started then).
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
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PaymentsTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
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
            builder.UseOtlpExporter();
        }

        return services;
    }
}
