using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.HaiPay;

namespace Payments.Functions;

public sealed class HaiPayFunctions(HaiPayEndpoints haiPay)
{
    [Function("CreateHaiPayCollection")]
    public Task<IResult> CreateCollection([HttpTrigger(AuthorizationLevel.Function, "post", Route = "haipay/collections")] HttpRequest request) =>
        haiPay.CreateCollectionAsync(request, request.HttpContext.RequestAborted);

    [Function("GetHaiPayCollection")]
    public Task<IResult> GetCollection(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "haipay/collections/{orderId}")] HttpRequest request, string orderId) =>
        haiPay.GetCollectionAsync(orderId, request.HttpContext.RequestAborted);

    [Function("RefundHaiPayCollection")]
    public Task<IResult> RefundCollection(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "haipay/collections/{orderId}/refunds")] HttpRequest request, string orderId) =>
        haiPay.RefundAsync(orderId, request, request.HttpContext.RequestAborted);

    [Function("HaiPayNotify")]
    public Task<IResult> Notify([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "haipay/notify")] HttpRequest request) =>
        haiPay.NotifyAsync(request, request.HttpContext.RequestAborted);
}
