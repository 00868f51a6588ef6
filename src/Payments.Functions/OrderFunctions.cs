using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.Endpoints;

namespace Payments.Functions;

public sealed class OrderFunctions(OrderEndpoints orders)
{
    [Function("GetOrder")]
    public Task<IResult> GetOrder([HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{id}")] HttpRequest request, string id) =>
        orders.GetAsync(id, request.HttpContext.RequestAborted);

    [Function("SyncOrder")]
    public Task<IResult> SyncOrder([HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{id}/sync")] HttpRequest request, string id) =>
        orders.SyncAsync(id, request, request.HttpContext.RequestAborted);
}
