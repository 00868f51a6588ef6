namespace Payments.Core.Webhooks;

/// <summary>A webhook delivery that gave up: every attempt failed, or its last dispatcher stopped.</summary>
public sealed record AbandonedWebhook(
    string OrderId,
    string EventId,
    string? Type,
    int Attempts,
    string? LastError,
    DateTimeOffset AbandonedAt
);
