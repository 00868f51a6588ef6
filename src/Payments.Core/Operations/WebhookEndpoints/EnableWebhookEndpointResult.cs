namespace Payments.Core.Operations.WebhookEndpoints;

/// <summary>What re-enabling the webhook endpoint came to.</summary>
public abstract record EnableWebhookEndpointResult
{
    private EnableWebhookEndpointResult() { }

    /// <summary><c>Webhooks:Url</c> is not set; there is nothing to enable.</summary>
    public sealed record NoEndpoint : EnableWebhookEndpointResult;

    /// <summary><paramref name="Endpoint"/> is enabled (it was re-enabled now, or was not disabled).</summary>
    public sealed record Enabled(Uri Endpoint) : EnableWebhookEndpointResult;
}
