namespace Payments.Core.Operations.WebhookEndpoints;

/// <summary>
/// An operator (<paramref name="By"/>) re-enables the merchant's webhook endpoint after it answered 410 Gone, for the
/// reason in <paramref name="Note"/> (optional).
/// </summary>
public sealed record EnableWebhookEndpointCommand(OperatorPrincipal By, string? Note);
