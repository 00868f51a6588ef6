using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Core.HaiPay;
using Payments.Http.Callbacks;
using Payments.Http.HaiPay;
using static Payments.Http.Endpoints.ApiRoutes;

namespace Payments.Functions;

public sealed class HaiPayFunctions(
    HaiPayEndpoints haiPay,
    InboundMessageEndpoint inbound,
    HaiPayNotificationHandler notifications
)
{
    [Function(Names.CreateCollection)]
    public Task<IResult> CreateCollection(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Templates.CreateCollection)] HttpRequest request
    ) => haiPay.CreateCollectionAsync(request, request.HttpContext.RequestAborted);

    [Function(Names.GetCollection)]
    public Task<IResult> GetCollection(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Templates.GetCollection)] HttpRequest request,
        string orderId
    ) => haiPay.GetCollectionAsync(orderId, request.HttpContext.RequestAborted);

    [Function(Names.RefundCollection)]
    public Task<IResult> RefundCollection(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Templates.RefundCollection)] HttpRequest request,
        string orderId
    ) => haiPay.RefundAsync(orderId, request, request.HttpContext.RequestAborted);

    [Function(Names.HaiPayNotify)]
    public Task<IResult> Notify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Templates.HaiPayNotify)] HttpRequest request
    ) => inbound.HandleAsync(request, notifications, request.HttpContext.RequestAborted);
}
