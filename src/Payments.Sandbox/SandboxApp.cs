using Payments.Sandbox.HaiPay;
using Payments.Sandbox.HuaweiPin;
using Payments.Sandbox.Merchant;
using Payments.Sandbox.Telemetry;

namespace Payments.Sandbox;

/// <summary>Builds the sandbox host; tests call this with their own settings and a loopback URL.</summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Set in code, not in an appsettings.json: the test projects reference the sandbox beside the Server, and a
        // second appsettings.json would replace the Server's in their output.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddHuaweiPinSandbox(builder.Configuration);
        builder.Services.AddHaiPaySandbox(builder.Configuration);
        builder.Services.AddSingleton<ReceivedWebhookLog>();
        configure?.Invoke(builder);
        builder.Services.AddSandboxTelemetry(builder.Configuration);
        var app = builder.Build();
        app.MapHuaweiPinSandbox();
        app.MapHaiPaySandbox();
        app.MapMerchantWebhooks();
        return app;
    }
}
