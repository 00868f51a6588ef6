using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.Endpoints;

namespace Payments.Functions;

public sealed class HealthFunctions(HealthEndpoints health)
{
    [Function("Health")]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        health.GetAsync(request.HttpContext.RequestAborted).AsActionResult(request);
}
