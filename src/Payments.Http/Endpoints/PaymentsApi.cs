using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;
using Payments.Http.Callbacks;
using Payments.Http.Close;
using Payments.Http.HaiPay;
using Payments.Http.HuaweiPin;
using Payments.Http.Operations;
using Payments.Http.OperatorUi;
using Payments.Http.Reconciliation;
using Payments.Http.Security;

namespace Payments.Http.Endpoints;

/// <summary>Maps <see cref="ApiRoutes"/> onto a plain ASP.NET Core app.</summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        Map(api, ApiRoutes.Health, (HealthEndpoints health, CancellationToken ct) => health.GetAsync(ct));
        Map(api, ApiRoutes.GetOrder, (string id, OrderEndpoints orders, CancellationToken ct) =>
            orders.GetAsync(id, ct)
        );
        Map(api, ApiRoutes.SyncOrder, (string id, HttpRequest request, OrderEndpoints orders, CancellationToken ct) =>
            orders.SyncAsync(id, request, ct)
        );
        Map(api, ApiRoutes.CreateFrame, (HttpRequest request, HuaweiPinEndpoints frames, CancellationToken ct) =>
            frames.CreateFrameAsync(request, ct)
        );
        Map(
            api,
            ApiRoutes.HuaweiPinCallback,
            (
                HttpRequest request,
                InboundMessageEndpoint inbound,
                HuaweiPinCallbackHandler callbacks,
                CancellationToken ct
            ) => inbound.HandleAsync(request, callbacks, ct)
        );
        Map(api, ApiRoutes.CreateCollection, (HttpRequest request, HaiPayEndpoints haiPay, CancellationToken ct) =>
            haiPay.CreateCollectionAsync(request, ct)
        );
        Map(api, ApiRoutes.GetCollection, (string orderId, HaiPayEndpoints haiPay, CancellationToken ct) =>
            haiPay.GetCollectionAsync(orderId, ct)
        );
        Map(
            api,
            ApiRoutes.RefundCollection,
            (string orderId, HttpRequest request, HaiPayEndpoints haiPay, CancellationToken ct) =>
                haiPay.RefundAsync(orderId, request, ct)
        );
        Map(
            api,
            ApiRoutes.CreateSubscription,
            (HttpRequest request, SubscriptionEndpoints haiPay, CancellationToken ct) => haiPay.CreateAsync(request, ct)
        );
        Map(
            api,
            ApiRoutes.GetSubscription,
            (string subscriptionId, HttpRequest request, SubscriptionEndpoints haiPay, CancellationToken ct) =>
                haiPay.GetAsync(subscriptionId, request, ct)
        );
        Map(
            api,
            ApiRoutes.CancelSubscription,
            (string subscriptionId, HttpRequest request, SubscriptionEndpoints haiPay, CancellationToken ct) =>
                haiPay.CancelAsync(subscriptionId, request, ct)
        );
        Map(
            api,
            ApiRoutes.HaiPayNotify,
            (
                HttpRequest request,
                InboundMessageEndpoint inbound,
                HaiPayNotificationHandler notifications,
                CancellationToken ct
            ) => inbound.HandleAsync(request, notifications, ct)
        );
        Map(api, ApiRoutes.ListAttention, (HttpRequest request, OperatorEndpoints ops, CancellationToken ct) =>
            ops.ListAttentionAsync(request, ct)
        );
        Map(
            api,
            ApiRoutes.ResolveOrder,
            (string orderId, HttpRequest request, OperatorEndpoints ops, CancellationToken ct) =>
                ops.ResolveAsync(orderId, request, ct)
        );
        Map(api, ApiRoutes.GetOrderDetail, (string orderId, OrderDetailEndpoint detail, CancellationToken ct) =>
            detail.GetAsync(orderId, ct)
        );
        Map(
            api,
            ApiRoutes.AcknowledgeOrder,
            (string orderId, HttpRequest request, AcknowledgementEndpoint ops, CancellationToken ct) =>
                ops.AcknowledgeAsync(orderId, request, ct)
        );
        Map(api, ApiRoutes.ListWebhooks, (HttpRequest request, OperatorEndpoints ops, CancellationToken ct) =>
            ops.ListWebhooksAsync(request, ct)
        );
        Map(
            api,
            ApiRoutes.ReplayWebhook,
            (string orderId, string eventId, HttpRequest request, OperatorEndpoints ops, CancellationToken ct) =>
                ops.ReplayWebhookAsync(orderId, eventId, request, ct)
        );
        Map(api, ApiRoutes.GetWebhookEndpoint, (OperatorEndpoints ops, CancellationToken ct) =>
            ops.GetWebhookEndpointAsync(ct)
        );
        Map(api, ApiRoutes.EnableWebhookEndpoint, (HttpRequest request, OperatorEndpoints ops, CancellationToken ct) =>
            ops.EnableWebhookEndpointAsync(request, ct)
        );
        Map(api, ApiRoutes.OpsSync, (HttpRequest request, OperatorEndpoints ops, CancellationToken ct) =>
            ops.SyncAsync(request, ct)
        );
        Map(api, ApiRoutes.OpsSecrets, (SecretsStatusEndpoint secrets, CancellationToken ct) => secrets.GetAsync(ct));
        Map(api, ApiRoutes.DailyClose, (string day, DailyCloseEndpoint close, CancellationToken ct) =>
            close.GetAsync(day, ct)
        );
        Map(api, ApiRoutes.DailyCloseCsv, (string day, DailyCloseEndpoint close, CancellationToken ct) =>
            close.GetCsvAsync(day, ct)
        );
        Map(
            api,
            ApiRoutes.ReconcileHaiPay,
            (string day, HttpRequest request, ReconciliationEndpoint reconciliation, CancellationToken ct) =>
                reconciliation.RunAsync(day, request, ct)
        );
        Map(
            api,
            ApiRoutes.GetHaiPayReconciliation,
            (string day, ReconciliationEndpoint reconciliation, CancellationToken ct) =>
                reconciliation.GetAsync(day, ct)
        );
        Map(
            api,
            ApiRoutes.ImportHuaweiPinExport,
            (string day, HttpRequest request, HuaweiPinImportEndpoint import, CancellationToken ct) =>
                import.ImportAsync(day, request, ct)
        );
        Map(
            api,
            ApiRoutes.OperatorConsole,
            (HttpContext http, OperatorConsolePage console, OperatorAuthentication operators) =>
                console.Result(operators, http)
        );
        return app;
    }

    private static void Map(RouteGroupBuilder api, ApiRoute route, Delegate handler)
    {
        var endpoint = api.MapMethods(route.Route, [route.Method], handler).WithName(route.Name);
        ApiDocumentation.Describe(endpoint, route);
        if (route.Access == AccessLevel.Function)
        {
            endpoint.AddEndpointFilter<FunctionKeyFilter>();
        }
        else if (route.Access == AccessLevel.Operator)
        {
            endpoint.AddEndpointFilter<OperatorAccessFilter>();
        }
    }
}
