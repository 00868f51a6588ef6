using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Operations;
using Payments.Core.Operations.Acknowledgements;
using Payments.Core.Operations.Resolutions;
using Payments.Core.Operations.Sync;
using Payments.Core.Operations.WebhookEndpoints;
using Payments.Core.Operations.WebhookReplays;

namespace Payments.Http.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>The operator API: its use cases, the audit rows they write, and the endpoints that bind them.</summary>
    public static IServiceCollection AddOperatorApi(this IServiceCollection services)
    {
        services.AddSingleton<OperatorRecords>();
        services.AddTransient<ResolveOrderHandler>();
        services.AddTransient<AcknowledgeOrderHandler>();
        services.AddTransient<ReplayWebhookHandler>();
        services.AddTransient<EnableWebhookEndpointHandler>();
        services.AddTransient<OperatorSyncHandler>();
        services.AddTransient<OperatorEndpoints>();
        services.AddTransient<AcknowledgementEndpoint>();
        services.AddTransient<OrderDetailEndpoint>();
        services.AddTransient<SecretsStatusEndpoint>();
        services.AddTransient<Close.DailyCloseEndpoint>();
        services.AddTransient<Close.ReconciliationEndpoint>();
        return services;
    }
}
