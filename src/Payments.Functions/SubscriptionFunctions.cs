using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.HaiPay;

namespace Payments.Functions;

public sealed class SubscriptionFunctions(SubscriptionEndpoints subscriptions)
{
    [Function("CreateHaiPaySubscription")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = "haipay/subscriptions")] HttpRequest request) =>
        subscriptions.CreateAsync(request, request.HttpContext.RequestAborted);

    [Function("GetHaiPaySubscription")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "haipay/subscriptions/{subscriptionId}")] HttpRequest request, string subscriptionId) =>
        subscriptions.GetAsync(subscriptionId, request, request.HttpContext.RequestAborted);

    [Function("CancelHaiPaySubscription")]
    public Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "haipay/subscriptions/{subscriptionId}/cancel")] HttpRequest request, string subscriptionId) =>
        subscriptions.CancelAsync(subscriptionId, request, request.HttpContext.RequestAborted);
}
