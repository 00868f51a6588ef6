using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Payments.Server;

namespace Payments.AppHost.Tests.Telemetry;

/// <summary>
/// The Server host built (not started) as the local stack runs it, exporting over OTLP (to a closed port: nothing
/// leaves the process), with in-memory exporters beside OTLP so a test sees what the dashboard would be sent.
/// </summary>
internal static class ServerTelemetryHost
{
    public static WebApplication Build(List<System.Diagnostics.Activity> spans, List<MetricSnapshot> metrics) =>
        ServerApp.Build(["--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(
                new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" }
            );
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });
}
