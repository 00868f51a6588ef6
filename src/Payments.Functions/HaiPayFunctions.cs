using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.HaiPay;

namespace Payments.Functions;

public sealed class HaiPayFunctions(HaiPayEndpoints haiPay)
{
    [Function("CreateHaiPayCollection")]
    public Task<IActionResult> CreateCollection([HttpTrigger(AuthorizationLevel.Function, "post", Route = "haipay/collections")] HttpRequest request) =>
        haiPay.CreateCollectionAsync(request, request.HttpContext.RequestAborted).AsActionResult(request);

    [Function("GetHaiPayCollection")]
    public Task<IActionResult> GetCollection(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "haipay/collections/{orderId}")] HttpRequest request, string orderId) =>
        haiPay.GetCollectionAsync(orderId, request.HttpContext.RequestAborted).AsActionResult(request);

    [Function("RefundHaiPayCollection")]
    public Task<IActionResult> RefundCollection(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "haipay/collections/{orderId}/refunds")] HttpRequest request, string orderId) =>
        haiPay.RefundAsync(orderId, request, request.HttpContext.RequestAborted).AsActionResult(request);

    [Function("HaiPayNotify")]
    public Task<IActionResult> Notify([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "haipay/notify")] HttpRequest request) =>
        haiPay.NotifyAsync(request, request.HttpContext.RequestAborted).AsActionResult(request);
}
