using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.HaiPay;

namespace Payments.Functions;

public sealed class SubscriptionFunctions(SubscriptionEndpoints subscriptions)
{
    [Function("CreateHaiPaySubscription")]
    public Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = "haipay/subscriptions")] HttpRequest request) =>
        subscriptions.CreateAsync(request, request.HttpContext.RequestAborted).AsActionResult(request);

    [Function("GetHaiPaySubscription")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "haipay/subscriptions/{subscriptionId}")] HttpRequest request, string subscriptionId) =>
        subscriptions.GetAsync(subscriptionId, request, request.HttpContext.RequestAborted).AsActionResult(request);

    [Function("CancelHaiPaySubscription")]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "haipay/subscriptions/{subscriptionId}/cancel")] HttpRequest request, string subscriptionId) =>
        subscriptions.CancelAsync(subscriptionId, request, request.HttpContext.RequestAborted).AsActionResult(request);
}
