namespace Payments.Http.Operations;

/// <summary>
/// The merchant's webhook endpoint (<c>Webhooks:Url</c>; null when unset) and whether a 410 disabled it.
/// </summary>
public sealed record WebhookEndpointView(string? Url, bool Disabled, DateTimeOffset? DisabledAt);
