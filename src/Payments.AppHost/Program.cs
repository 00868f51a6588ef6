using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payments.AppHost;

// The dashboard's local defaults (http on loopback, no login token), before the caller's own settings so that those
// win: fixed ports for run-local, the test passes free ones.
string[] defaults =
[
    "ASPNETCORE_URLS=http://127.0.0.1:18888",
    "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:18889",
    "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:18890",
    "ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
    "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
    "Logging:LogLevel:Microsoft.AspNetCore=Warning",
];
var builder = DistributedApplication.CreateBuilder(
    new DistributedApplicationOptions { Args = [.. defaults, .. args], AllowUnsecuredTransport = true }
);
var settings = LocalStackSettings.From(builder.Configuration, builder.AppHostDirectory);
var keys = HaiPayLocalKeys.LoadOrCreate(settings.RepositoryRoot);
var serverContent = Path.Combine(settings.RepositoryRoot, "src", "Payments.Server");
var webhookSecret = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(serverContent, "appsettings.Development.json"), optional: false)
    .Build()["Secrets:Webhooks-SigningSecret"]
    ?? throw new InvalidOperationException("appsettings.Development.json names no Secrets:Webhooks-SigningSecret.");

builder.Services.AddHealthChecks().AddCheck("azurite-table", new AzuriteTableCheck(new Uri(settings.TableUrl)));
Directory.CreateDirectory(settings.AzuriteLocation);
var azurite = builder
    .AddExecutable(
        "azurite",
        "node",
        settings.RepositoryRoot,
        "node_modules/azurite/dist/src/azurite.js",
        "--location",
        settings.AzuriteLocation,
        "--silent",
        "--skipApiVersionCheck",
        "--disableTelemetry",
        "--blobHost",
        "127.0.0.1",
        "--blobPort",
        $"{settings.BlobPort}",
        "--queueHost",
        "127.0.0.1",
        "--queuePort",
        $"{settings.QueuePort}",
        "--tableHost",
        "127.0.0.1",
        "--tablePort",
        $"{settings.TablePort}"
    )
    .WithHttpEndpoint(port: settings.TablePort, name: "table", isProxied: false)
    .WithHealthCheck("azurite-table");

var sandbox = builder
    .AddProject<Projects.Payments_Sandbox>("sandbox", launchProfileName: null)
    .WithHttpEndpoint(port: settings.SandboxPort, name: "http", isProxied: false)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithEnvironment("Sandbox__HuaweiPin__CallbackUrl", $"{settings.ServerUrl}/api/huaweipin/callback")
    .WithEnvironment("Sandbox__HuaweiPin__CallbackRetryInterval", "00:00:30")
    .WithEnvironment("Sandbox__HaiPay__MerchantPublicKey", keys.MerchantPublicKey)
    .WithEnvironment("Sandbox__HaiPay__PlatformPrivateKey", keys.PlatformPrivateKey)
    .WithEnvironment("Sandbox__HaiPay__NotificationRetryInterval", "00:00:30")
    .WithHttpHealthCheck("/merchant/webhooks");

var server = builder
    .AddProject<Projects.Payments_Server>("server", launchProfileName: null)
    .WithHttpEndpoint(port: settings.ServerPort, name: "http", isProxied: false)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithEnvironment("PaymentsStorage__ConnectionString", settings.StorageConnectionString)
    .WithEnvironment("HuaweiPin__BaseUrl", $"{settings.SandboxUrl}/huaweipin")
    .WithEnvironment("HaiPay__BaseUrl", $"{settings.SandboxUrl}/haipay")
    .WithEnvironment("HaiPay__NotifyUrl", $"{settings.ServerUrl}/api/haipay/notify")
    .WithEnvironment("Webhooks__Url", settings.WebhookUrl)
    .WithEnvironment("Secrets__HaiPay-USD-PrivateKey", keys.MerchantPrivateKey)
    .WithEnvironment("Secrets__HaiPay-USD-PlatformPublicKey", keys.PlatformPublicKey)
    .WithHttpHealthCheck("/api/health")
    .WaitFor(azurite)
    .WaitFor(sandbox);

var dashboardUrl = (builder.Configuration["ASPNETCORE_URLS"] ?? string.Empty).Split(';')[0];
builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, (_, _) =>
{
    Console.Out.WriteLine(Banner.Text(settings, dashboardUrl, webhookSecret));
    return Task.CompletedTask;
});

await builder.Build().RunAsync();
