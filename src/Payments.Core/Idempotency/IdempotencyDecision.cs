namespace Payments.Core.Idempotency;

/// <summary>What a request carrying a known <c>Idempotency-Key</c> gets.</summary>
public enum IdempotencyDecision
{
    /// <summary>Run it: the key is new, expired, or was abandoned by a process that died.</summary>
    Claim,

    /// <summary>Answer the stored first response.</summary>
    Replay,

    /// <summary>The key was used for a different request (another body or endpoint): 422.</summary>
    Mismatch,

    /// <summary>The first request with this key is still running: 409.</summary>
    InFlight,
}
