namespace Payments.Core.Operations.WebhookEndpoints;

/// <summary>An operator re-enables the merchant's webhook endpoint after it answered 410 Gone.</summary>
public sealed record EnableWebhookEndpointCommand(OperatorNote Note);
