using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Payments.Sandbox.Telemetry;

/// <summary>
/// The sandbox's traces (ASP.NET Core and HttpClient: the pages, the provider APIs, the callbacks and notifications it
/// sends), metrics and logs, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the local stack's
/// AppHost sets it, so its dashboard shows the sandbox beside the Server); nothing is started otherwise.
/// </summary>
public static class SandboxTelemetry
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    public const string ServiceName = "payments-sandbox";

    /// <summary>The receiver's listing, which the AppHost polls as the sandbox's health check: not traced.</summary>
    private const string ProbedPath = "/merchant/webhooks";

    public static IServiceCollection AddSandboxTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services
            .AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(ServiceName);
                }
            })
            .WithTracing(tracing =>
                tracing
                    .AddAspNetCoreInstrumentation(options =>
                        options.Filter = context =>
                            !(
                                HttpMethods.IsGet(context.Request.Method)
                                && context.Request.Path.Equals(ProbedPath, StringComparison.Ordinal)
                            )
                    )
                    .AddHttpClientInstrumentation()
            )
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithLogging(_ => { }, options => options.IncludeFormattedMessage = true)
            .UseOtlpExporter();
        return services;
    }
}
