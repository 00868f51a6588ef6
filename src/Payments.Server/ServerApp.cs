using Payments.Http;
using Payments.Http.Endpoints;
using Payments.Server.Jobs;

namespace Payments.Server;

/// <summary>Builds the Server host; tests call this with extra configuration and a loopback URL.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPayments(builder.Configuration);
        builder.Services.AddFunctionKeys(builder.Configuration);
        builder.Services.AddScheduledJobs();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapPaymentsApi();
        return app;
    }
}
