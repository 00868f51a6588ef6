namespace Payments.Core.Audit;

/// <summary>
/// A provider message kept for operators: what arrived (secrets removed) and what it did.
/// <paramref name="OrderId"/> is null for a message about an order we do not know.
/// </summary>
public sealed record AuditRecord(string? OrderId, string Kind, string Payload, DateTimeOffset At);
