using Microsoft.AspNetCore.Http;
using Payments.Azure;
using Payments.Http.Problems;
using Payments.Http.Webhooks;

namespace Payments.Http.Endpoints;

/// <summary>
/// 200 when storage answers, the tables exist and the webhook signing secrets are usable; 503 otherwise (a malformed
/// secret is named, never shown).
/// </summary>
public sealed class HealthEndpoints(StorageHealth storage, WebhookSecretCheck webhookSecrets)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        if (!await storage.IsHealthyAsync(cancellationToken))
        {
            return ApiProblem.Of(ProblemCodes.ServiceUnavailable, "Storage unavailable");
        }

        return await webhookSecrets.FindMalformedAsync(cancellationToken) is { } name
            ? ApiProblem.Of(ProblemCodes.ServiceUnavailable, $"Webhook signing secret {name} is malformed")
            : Results.Ok(new Contracts.HealthView("healthy"));
    }
}
