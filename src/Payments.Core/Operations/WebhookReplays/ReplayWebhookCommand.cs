namespace Payments.Core.Operations.WebhookReplays;

/// <summary>
/// An operator makes the abandoned delivery of event <paramref name="EventId"/> of an order due again.
/// </summary>
public sealed record ReplayWebhookCommand(string OrderId, string EventId, OperatorNote Note);
