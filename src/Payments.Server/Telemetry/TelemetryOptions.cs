namespace Payments.Server.Telemetry;

/// <summary>
/// The Server host's telemetry export (<c>Telemetry</c> section). The Functions app exports to Application Insights
/// instead.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The standard OpenTelemetry setting: when set, traces and metrics go to this OTLP endpoint.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Without an OTLP endpoint, write traces and metrics to the console. Default false: nothing is exported (the
    /// Payments meter and activity source still work for in-process listeners such as <c>dotnet-counters</c>).
    /// </summary>
    public bool Console { get; set; }
}
