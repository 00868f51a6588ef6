using Microsoft.AspNetCore.Http;
using Payments.Azure;
using Payments.Http.Problems;

namespace Payments.Http.Endpoints;

/// <summary>200 when storage answers and the tables exist, 503 otherwise.</summary>
public sealed class HealthEndpoints(StorageHealth storage)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken) =>
        await storage.IsHealthyAsync(cancellationToken)
            ? Results.Ok(new Contracts.HealthView("healthy"))
            : ApiProblem.Of(ProblemCodes.ServiceUnavailable, "Storage unavailable");
}
