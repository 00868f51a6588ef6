using Payments.Http;
using Payments.Http.Endpoints;
using Payments.Http.RateLimiting;
using Payments.Server.Demo;
using Payments.Server.Jobs;
using Payments.Server.OpenApi;
using Payments.Server.Telemetry;

namespace Payments.Server;

/// <summary>Builds the Server host; tests call this with extra configuration and a loopback URL.</summary>
public static class ServerApp
{
    /// <summary>
    /// Where the merchant-facing API's OpenAPI document is served (<c>/api/openapi/v1.json</c>);
    /// <c>docs/openapi.json</c> is its checked-in copy.
    /// </summary>
    public const string OpenApiPath = "/api/openapi/{documentName}.json";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPayments(builder.Configuration);
        builder.Services.AddFunctionKeys(builder.Configuration);
        builder.Services.AddScheduledJobs();
        builder.Services.AddAnonymousRateLimiting(builder.Configuration);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<PaymentsDocumentTransformer>();
            options.AddDocumentTransformer<ProblemSchemaTransformer>();
            options.AddDocumentTransformer<WebhooksDocumentTransformer>();
            options.AddOperationTransformer<PaymentsOperationTransformer>();
            options.AddSchemaTransformer<AllowedValuesSchemaTransformer>();
            options.AddSchemaTransformer<ClosedViewSchemaTransformer>();
        });
        configure?.Invoke(builder);
        builder.Services.AddServerTelemetry(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapPaymentsApi();
        app.MapOpenApi(OpenApiPath);
        app.MapDemoPage();
        return app;
    }
}
