using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.Close;
using Payments.Http.Operations;
using Payments.Http.Reconciliation;

namespace Payments.Functions;

/// <summary>
/// The operator API. <see cref="AuthorizationLevel.Anonymous"/> at the Functions host: the app decides who may call
/// (<see cref="OperatorAccessMiddleware"/>: a signed-in Entra ID principal holding the operator role on Azure, an
/// operator key locally), so neither a function key nor the host's master key opens these. Routes are under
/// <c>ops/</c>: the host keeps routes starting with <c>admin</c> for itself.
/// </summary>
public sealed class OpsFunctions(
    OperatorEndpoints ops,
    AcknowledgementEndpoint acknowledgements,
    OrderDetailEndpoint orderDetail,
    SecretsStatusEndpoint secrets,
    DailyCloseEndpoint close,
    ReconciliationEndpoint reconciliation,
    HuaweiPinImportEndpoint huaweiPinImport
)
{
    [Function("OpsListAttention")]
    public Task<IResult> ListAttention(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/attention")] HttpRequest request
    ) => ops.ListAttentionAsync(request, request.HttpContext.RequestAborted);

    [Function("OpsResolveOrder")]
    public Task<IResult> ResolveOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/orders/{orderId}/resolution")]
            HttpRequest request,
        string orderId
    ) => ops.ResolveAsync(orderId, request, request.HttpContext.RequestAborted);

    [Function("OpsAcknowledgeOrder")]
    public Task<IResult> AcknowledgeOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/orders/{orderId}/acknowledgement")]
            HttpRequest request,
        string orderId
    ) => acknowledgements.AcknowledgeAsync(orderId, request, request.HttpContext.RequestAborted);

    [Function("OpsListWebhooks")]
    public Task<IResult> ListWebhooks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/webhooks")] HttpRequest request
    ) => ops.ListWebhooksAsync(request, request.HttpContext.RequestAborted);

    [Function("OpsReplayWebhook")]
    public Task<IResult> ReplayWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/webhooks/{orderId}/{eventId}/replay")]
            HttpRequest request,
        string orderId,
        string eventId
    ) => ops.ReplayWebhookAsync(orderId, eventId, request, request.HttpContext.RequestAborted);

    [Function("OpsGetWebhookEndpoint")]
    public Task<IResult> GetWebhookEndpoint(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/webhooks/endpoint")] HttpRequest request
    ) => ops.GetWebhookEndpointAsync(request.HttpContext.RequestAborted);

    [Function("OpsEnableWebhookEndpoint")]
    public Task<IResult> EnableWebhookEndpoint(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/webhooks/endpoint/enable")] HttpRequest request
    ) => ops.EnableWebhookEndpointAsync(request, request.HttpContext.RequestAborted);

    [Function("OpsSync")]
    public Task<IResult> Sync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/sync")] HttpRequest request
    ) => ops.SyncAsync(request, request.HttpContext.RequestAborted);

    [Function("OpsGetOrder")]
    public Task<IResult> GetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/orders/{orderId}")] HttpRequest request,
        string orderId
    ) => orderDetail.GetAsync(orderId, request.HttpContext.RequestAborted);

    [Function("OpsSecrets")]
    public Task<IResult> Secrets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/secrets")] HttpRequest request
    ) => secrets.GetAsync(request.HttpContext.RequestAborted);

    [Function("OpsDailyClose")]
    public Task<IResult> DailyClose(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/close/{day}")] HttpRequest request,
        string day
    ) => close.GetAsync(day, request.HttpContext.RequestAborted);

    [Function("OpsDailyCloseCsv")]
    public Task<IResult> DailyCloseCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/close/{day}/csv")] HttpRequest request,
        string day
    ) => close.GetCsvAsync(day, request.HttpContext.RequestAborted);

    [Function("OpsReconcileHaiPay")]
    public Task<IResult> ReconcileHaiPay(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/reconciliation/haipay/{day}")]
            HttpRequest request,
        string day
    ) => reconciliation.RunAsync(day, request, request.HttpContext.RequestAborted);

    [Function("OpsGetHaiPayReconciliation")]
    public Task<IResult> GetHaiPayReconciliation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/reconciliation/haipay/{day}")]
            HttpRequest request,
        string day
    ) => reconciliation.GetAsync(day, request.HttpContext.RequestAborted);

    [Function("OpsImportHuaweiPinExport")]
    public Task<IResult> ImportHuaweiPinExport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ops/reconciliation/huaweipin/{day}")]
            HttpRequest request,
        string day
    ) => huaweiPinImport.ImportAsync(day, request, request.HttpContext.RequestAborted);
}
