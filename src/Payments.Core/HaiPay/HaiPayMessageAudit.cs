using System.Text.Json;
using Payments.Core.Audit;

namespace Payments.Core.HaiPay;

/// <summary>The audit row of a verified HaiPay message (a notification, or a signed reply that stood in for one).</summary>
public sealed class HaiPayMessageAudit(IAuditLog audit, TimeProvider time)
{
    /// <summary>Longest payload kept in the audit table (a Table Storage string holds 32K characters).</summary>
    public const int MaxAuditChars = 16_000;

    /// <summary>
    /// Records the message with its card data redacted; <paramref name="once"/>: at most once per distinct message, for one
    /// that changed nothing (anyone who saw it may replay it).
    /// </summary>
    public Task RecordAsync(string? orderId, string kind, JsonElement body, bool once, CancellationToken cancellationToken)
    {
        var payload = CardRedaction.Text(body);
        payload = payload.Length > MaxAuditChars ? payload[..MaxAuditChars] : payload;
        var record = new AuditRecord(orderId, kind, payload, time.GetUtcNow())
        {
            OnceKey = once ? AuditRecord.OnceKeyOf(body.GetRawText()) : null,
        };
        return audit.RecordAsync(record, cancellationToken);
    }
}
