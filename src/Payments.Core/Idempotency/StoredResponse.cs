namespace Payments.Core.Idempotency;

/// <summary>The first answer to an idempotent request, replayed byte for byte to its repeats.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, ReadOnlyMemory<byte> Body)
{
    /// <summary>
    /// Larger answers are not kept (a Table property holds at most 64 KiB); their key is released instead.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024;

    /// <summary>
    /// Kept and replayed: successes only. Anything else releases the key: a 5xx's outcome is unknown (a repeat must
    /// run again to resolve it), a 4xx changed nothing (a repeat gets the same answer, or a new one once the cause is
    /// gone, and bad input leaves no row behind).
    /// </summary>
    public bool IsReplayable => StatusCode is >= 200 and < 300 && Body.Length <= MaxBodyBytes;
}
