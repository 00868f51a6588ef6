using Microsoft.AspNetCore.Http;
using Payments.Azure;

namespace Payments.Http.Endpoints;

/// <summary>200 when storage answers and the tables exist, 503 otherwise.</summary>
public sealed class HealthEndpoints(StorageHealth storage)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken) =>
        await storage.IsHealthyAsync(cancellationToken)
            ? Results.Ok(new Contracts.HealthView("healthy"))
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable");
}
