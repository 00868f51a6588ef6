using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.HaiPay;
using static Payments.Http.Endpoints.ApiRoutes;

namespace Payments.Functions;

public sealed class SubscriptionFunctions(SubscriptionEndpoints subscriptions)
{
    [Function(Names.CreateSubscription)]
    public Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Templates.CreateSubscription)] HttpRequest request
    ) => subscriptions.CreateAsync(request, request.HttpContext.RequestAborted);

    [Function(Names.GetSubscription)]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Templates.GetSubscription)] HttpRequest request,
        string subscriptionId
    ) => subscriptions.GetAsync(subscriptionId, request, request.HttpContext.RequestAborted);

    [Function(Names.CancelSubscription)]
    public Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Templates.CancelSubscription)] HttpRequest request,
        string subscriptionId
    ) => subscriptions.CancelAsync(subscriptionId, request, request.HttpContext.RequestAborted);
}
