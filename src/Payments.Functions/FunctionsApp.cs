using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payments.Http;
using Payments.Http.RateLimiting;

namespace Payments.Functions;

/// <summary>
/// Builds the isolated worker's host: <c>Program.cs</c> runs it; tests build the same host (without starting the
/// worker's gRPC channel to the Functions host) and call the functions it would invoke.
/// </summary>
public static class FunctionsApp
{
    public static IHost Build(string[] args, Action<FunctionsApplicationBuilder>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Use(FunctionsPipeline.Wrap);
        builder.Services.AddPayments(builder.Configuration);
        builder.Services.AddAnonymousRateLimiter(builder.Configuration);
        builder.Services.AddSingleton<ProblemMiddleware>();
        builder.Services.AddSingleton<RateLimitMiddleware>();
        builder.Services.AddSingleton<OperatorAccessMiddleware>();
        builder.Services.AddWorkerLogFilters();
        configure?.Invoke(builder);
        builder.Services.AddFunctionsTelemetry(builder.Configuration);
        return builder.Build();
    }
}
