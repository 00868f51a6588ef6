using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Payments.Azure;
using Payments.Azure.Idempotency;
using Payments.Azure.Signing;
using Payments.Core.Audit;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Core.Idempotency;
using Payments.Core.Orders;
using Payments.Core.Reconciliation;
using Payments.Core.Text;
using Payments.Core.Webhooks;
using Payments.Http.Callbacks;
using Payments.Http.Endpoints;
using Payments.Http.HaiPay;
using Payments.Http.HuaweiPin;
using Payments.Http.Idempotency;
using Payments.Http.Jobs;
using Payments.Http.Operations;
using Payments.Http.Problems;
using Payments.Http.RateLimiting;
using Payments.Http.Reconciliation;
using Payments.Http.Security;
using Payments.Http.Telemetry;
using Payments.Http.Webhooks;

namespace Payments.Http;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: storage, use cases, endpoint handlers, jobs, problem details.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPaymentsTelemetry();
        services.AddPaymentsStorage(configuration);
        services.AddSingleton<OrderUpdater>();
        services.AddSingleton<OrderAdmission>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton<OperatorUi.OperatorConsolePage>();
        services.AddTransient<OrderEndpoints>();
        services.AddOperatorApi();
        services.AddOperatorAccess(configuration);
        services.AddHuaweiPinImport(configuration);
        services.AddOptions<CustomerLinkOptions>().Bind(configuration.GetSection(CustomerLinkOptions.Section));
        services.AddIdempotency(configuration);
        services.AddWebhooks(configuration);
        services.AddHuaweiPin(configuration);
        services.AddHaiPay(configuration);
        services.AddAudit(configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddExceptionHandler<ServiceProblemHandler>();
        return services;
    }

    private static void AddIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<IdempotencyOptions>()
            .Bind(configuration.GetSection(IdempotencyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<IdempotencyGate>();
        services.AddSingleton<FingerprintKey>();
        services.AddHostedService<FingerprintKeyCheck>();
        services.AddSingleton<IdempotentRequests>();
        services.AddSingleton<PurgeIdempotencyKeysScheduledJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<PurgeIdempotencyKeysScheduledJob>());
    }

    private static void AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PurgeAuditScheduledJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<PurgeAuditScheduledJob>());
    }

    private static void AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<AbandonedWebhooks>();
        services.AddSingleton<WebhookSigningKeys>();
        services.AddSingleton<IWebhookBodyWriter, WebhookBodyWriter>();
        services.AddSingleton<WebhookSecretCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSecretCheck>());
        services
            .AddHttpClient<WebhookSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() =>
                new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }
            );
        services.AddTransient<WebhookDispatcher>();
        services.AddSingleton<WebhookIdleGate>();
        services.AddTransient<DeliverWebhooksScheduledJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<DeliverWebhooksScheduledJob>());
    }

    private static void AddHuaweiPin(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<HuaweiPinOptions>()
            .Bind(configuration.GetSection(HuaweiPinOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<HuaweiPinClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<CreateFrameHandler>();
        services.AddSingleton<HuaweiPinCallbackHandler>();
        services.AddSingleton<ExpireFramesJob>();
        services.AddTransient<HuaweiPinEndpoints>();
        services.TryAddSingleton<InboundMessageEndpoint>();
        services.AddSingleton<ExpireFramesScheduledJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<ExpireFramesScheduledJob>());
    }

    private static void AddHaiPay(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<HaiPayOptions>()
            .Bind(configuration.GetSection(HaiPayOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HaiPayOptions>, HaiPayOptionsValidator>();
        services.AddSingleton<HaiPayCredentials>();
        services.AddHaiPaySigning();
        services.AddHttpClient<HaiPayClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<HaiPayChecker>();
        services.AddTransient<SyncOrderHandler>();
        services.AddTransient<HaiPayOrderCreator>();
        services.AddTransient<CreateCollectionHandler>();
        services.AddTransient<RefundCollectionHandler>();
        services.AddTransient<CreateSubscriptionHandler>();
        services.AddTransient<CancelSubscriptionHandler>();
        services.AddTransient<SubscriptionQueries>();
        services.AddTransient<SubscriptionCharges>();
        services.AddTransient<ChargeQueryClaims>();
        services.AddSingleton<IUnverifiedQueryBudget, UnverifiedQueryBudget>();
        services.AddTransient<SubscriptionEndpoints>();
        services.AddTransient<HaiPayMessageAudit>();
        services.AddTransient<NotifiedSubscriptions>();
        services.AddTransient<UnverifiedNotifications>();
        services.AddTransient<HaiPayNotificationHandler>();
        services.AddTransient<HaiPayPoller>();
        services.AddTransient<HaiPayEndpoints>();
        services.TryAddSingleton<InboundMessageEndpoint>();
        services.AddTransient<HaiPayPollScheduledJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<HaiPayPollScheduledJob>());
        services
            .AddOptions<ReconciliationOptions>()
            .Bind(configuration.GetSection(ReconciliationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTransient<HaiPayReconciler>();
        services.AddSingleton<ReconciliationPace>();
        services.AddTransient<ReconcileScheduledJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<ReconcileScheduledJob>());
    }

    /// <summary>
    /// Function keys for hosts that check them themselves (the Server; the Functions host checks its own). Operator
    /// access is shared (<see cref="OperatorAccessServiceCollectionExtensions.AddOperatorAccess"/>).
    /// </summary>
    public static IServiceCollection AddFunctionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<FunctionKeyOptions>()
            .Bind(configuration.GetSection(FunctionKeyOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FunctionKeyOptions>, FunctionKeyOptionsValidator>();
        services.AddSingleton<FunctionKeyFilter>();
        return services;
    }
}
