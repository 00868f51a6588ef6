using System.Text.Json;
using Payments.Core.Audit;

namespace Payments.Core.HaiPay;

/// <summary>
/// The audit row of a verified HaiPay message (a notification, or a signed reply that stood in for one).
/// </summary>
public sealed class HaiPayMessageAudit(IAuditLog audit, TimeProvider time)
{
    /// <summary>Longest payload kept in the audit table (a Table Storage string holds 32K characters).</summary>
    public const int MaxAuditChars = 16_000;

    /// <summary>
    /// Records the message with its card data redacted; <paramref name="once"/>: at most once per distinct message, for
    /// one that changed nothing (anyone who saw it may replay it). Distinct means another signed content: a copy laid
    /// out otherwise (whitespace, field order, empty or nested fields the signature leaves out) verifies as the same
    /// message, so it is the same message here.
    /// </summary>
    public Task RecordAsync(
        string? orderId,
        string kind,
        JsonElement body,
        bool once,
        CancellationToken cancellationToken
    )
    {
        var payload = CardRedaction.Text(body);
        payload = payload.Length > MaxAuditChars ? payload[..MaxAuditChars] : payload;
        var record = new AuditRecord(orderId, kind, payload, time.GetUtcNow())
        {
            OnceKey = once ? AuditRecord.OnceKeyOf(SignedContent(body)) : null,
        };
        return audit.RecordAsync(record, cancellationToken);
    }

    /// <summary>
    /// What the signature covers (the merchant secret left out; the signature itself too, as its text may vary in ways
    /// that still verify), or the text as received when that cannot be read.
    /// </summary>
    private static string SignedContent(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || HaiPayCanonical.RepeatsAName(body))
        {
            return body.GetRawText();
        }

        return HaiPayCanonical.StringToSign(body, string.Empty);
    }
}
