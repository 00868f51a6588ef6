using System.Text.Json;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Payments.Functions;
using Payments.IntegrationTests.Fixtures;
using Payments.Server;

namespace Payments.IntegrationTests.Telemetry;

/// <summary>
/// Which exporters each host turns on, from its settings; nothing is exported anywhere (the hosts are built, not
/// started).
/// </summary>
public sealed class TelemetryExportTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://127.0.0.1:4317", null, true)]
    [InlineData(null, "true", true)]
    [InlineData(null, "false", false)]
    public async Task ServerApp_ExporterSettings_OpenTelemetryOnlyWhenAnExporterIsSet(
        string? otlpEndpoint,
        string? console,
        bool expected
    )
    {
        await using var app = ServerApp.Build(["--environment", "Production"], builder =>
            builder.Configuration.AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
                    ["Telemetry:Console"] = console,
                }
            )
        );

        Assert.Equal(expected, app.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(expected, app.Services.GetService<MeterProvider>() is not null);
    }

    [Fact]
    public void FunctionsApp_ConnectionStringAndClientIdSet_AzureMonitorExporterAuthenticatesWithTheUserAssignedIdentity()
    {
        const string connectionString =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1/";
        using var host = BuildFunctions(
            new Dictionary<string, string?>
            {
                ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString,
                ["AZURE_CLIENT_ID"] = "11111111-2222-3333-4444-555555555555",
            }
        );

        var options = host
            .Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>()
            .Get(Options.DefaultName);

        Assert.Equal(connectionString, options.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(options.Credential);
    }

    [Fact]
    public void FunctionsApp_NoConnectionString_NoOpenTelemetrySdkRegistered()
    {
        using var host = BuildFunctions(
            new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "" }
        );

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void WorkerLogFilters_HostJsonLogLevels_AgreeForEveryCategoryTheWorkerWrites()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));
        var hostLevels = hostJson
            .RootElement.GetProperty("logging")
            .GetProperty("logLevel")
            .EnumerateObject()
            .Where(p =>
                !FunctionsTelemetry.HostOnlyCategories.Any(prefix =>
                    p.Name.StartsWith(prefix, StringComparison.Ordinal)
                )
            )
            .ToDictionary(p => p.Name, p => Enum.Parse<LogLevel>(p.Value.GetString()!), StringComparer.Ordinal);
        using var host = BuildFunctions(new Dictionary<string, string?>());
        var filters = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value;

        Assert.Equal(
            hostLevels.OrderBy(l => l.Key, StringComparer.Ordinal),
            FunctionsTelemetry.LogLevels.OrderBy(l => l.Key, StringComparer.Ordinal)
        );
        Assert.Equal(hostLevels["default"], filters.MinLevel);
        foreach (var (category, level) in hostLevels.Where(l => l.Key != "default"))
        {
            Assert.Contains(filters.Rules, r =>
                r.CategoryName == category && r.LogLevel == level && r.ProviderName is null
            );
        }
    }

    private static IHost BuildFunctions(Dictionary<string, string?> settings) =>
        FunctionsApp.Build(["--environment", "Production"], builder =>
            builder.Configuration.AddInMemoryCollection(settings)
        );
}
