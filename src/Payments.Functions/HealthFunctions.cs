using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.Endpoints;

namespace Payments.Functions;

public sealed class HealthFunctions(HealthEndpoints health)
{
    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        health.GetAsync(request.HttpContext.RequestAborted);
}
