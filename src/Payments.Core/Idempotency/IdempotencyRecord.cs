namespace Payments.Core.Idempotency;

/// <summary>
/// One remembered <c>Idempotency-Key</c>: the fingerprint of the request that first used it, and either a lease
/// (still running) or its response.
/// </summary>
public sealed record IdempotencyRecord(
    string Fingerprint,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? LeasedUntil,
    StoredResponse? Response
)
{
    public static IdempotencyRecord Begin(string fingerprint, IdempotencyOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(fingerprint, now + options.Expiry, now + options.Lease, null);
    }

    public IdempotencyRecord Complete(StoredResponse response) => this with { LeasedUntil = null, Response = response };

    public IdempotencyDecision Decide(string fingerprint, DateTimeOffset now) =>
        this switch
        {
            _ when ExpiresAt <= now => IdempotencyDecision.Claim,
            _ when !string.Equals(Fingerprint, fingerprint, StringComparison.Ordinal) => IdempotencyDecision.Mismatch,
            { Response: not null } => IdempotencyDecision.Replay,
            _ when LeasedUntil > now => IdempotencyDecision.InFlight,
            _ => IdempotencyDecision.Claim,
        };
}
