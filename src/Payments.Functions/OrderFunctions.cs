using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.Endpoints;
using static Payments.Http.Endpoints.ApiRoutes;

namespace Payments.Functions;

public sealed class OrderFunctions(OrderEndpoints orders)
{
    [Function(Names.GetOrder)]
    public Task<IResult> GetOrder(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Templates.GetOrder)] HttpRequest request,
        string id
    ) => orders.GetAsync(id, request.HttpContext.RequestAborted);

    [Function(Names.SyncOrder)]
    public Task<IResult> SyncOrder(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Templates.SyncOrder)] HttpRequest request,
        string id
    ) => orders.SyncAsync(id, request, request.HttpContext.RequestAborted);
}
