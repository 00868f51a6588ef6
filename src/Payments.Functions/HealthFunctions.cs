using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payments.Http.Endpoints;
using static Payments.Http.Endpoints.ApiRoutes;

namespace Payments.Functions;

public sealed class HealthFunctions(HealthEndpoints health)
{
    [Function(Names.Health)]
    public Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Templates.Health)] HttpRequest request
    ) => health.GetAsync(request.HttpContext.RequestAborted);
}
