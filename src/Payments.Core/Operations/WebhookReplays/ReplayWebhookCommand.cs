namespace Payments.Core.Operations.WebhookReplays;

/// <summary>
/// An operator (<paramref name="By"/>) makes the abandoned delivery of event <paramref name="EventId"/> of an order due
/// again, for the reason in <paramref name="Note"/> (optional).
/// </summary>
public sealed record ReplayWebhookCommand(string OrderId, string EventId, OperatorPrincipal By, string? Note);
