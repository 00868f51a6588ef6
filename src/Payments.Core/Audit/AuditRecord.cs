namespace Payments.Core.Audit;

/// <summary>
/// A provider message kept for operators: what arrived (secrets removed) and what it did.
/// <paramref name="OrderId"/> is null for a message about an order we do not know.
/// </summary>
public sealed record AuditRecord(string? OrderId, string Kind, string Payload, DateTimeOffset At)
{
    /// <summary>
    /// When set, the record is kept at most once per key in its partition: a signed message that changed nothing (a
    /// stale word, a conflict, an order we do not know) can be replayed by anyone who saw it, and must not add a row
    /// each time.
    /// </summary>
    public string? OnceKey { get; init; }

    /// <summary>
    /// The once-key of a message body: the SHA-256 of its text, so each distinct message is kept once.
    /// </summary>
    public static string OnceKeyOf(string body) =>
        Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))
        );
}
