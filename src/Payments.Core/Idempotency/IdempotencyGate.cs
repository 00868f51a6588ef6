using Payments.Core.Orders;

namespace Payments.Core.Idempotency;

/// <summary>
/// Decides a keyed request against the store: claims the key (a compare-and-swap; one concurrent request wins),
/// or says why not. Transport-free: the HTTP layer fingerprints the request and stores the response.
/// </summary>
public sealed class IdempotencyGate(
    IIdempotencyStore store,
    Microsoft.Extensions.Options.IOptionsMonitor<IdempotencyOptions> options,
    TimeProvider time
)
{
    private const int MaxAttempts = 8;

    public async Task<GateResult> EnterAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var existing = await store.FindAsync(key, cancellationToken);
            var claim = IdempotencyRecord.Begin(fingerprint, options.CurrentValue, now);
            if (existing is null)
            {
                if (await store.TryAddAsync(key, claim, cancellationToken) is { } added)
                {
                    return GateResult.Claimed(new Versioned<IdempotencyRecord>(claim, added));
                }

                continue;
            }

            var decision = existing.Value.Decide(fingerprint, now);
            if (decision != IdempotencyDecision.Claim)
            {
                return new GateResult(decision, existing);
            }

            if (await store.TryReplaceAsync(key, claim, existing.Version, cancellationToken) is { } replaced)
            {
                return GateResult.Claimed(new Versioned<IdempotencyRecord>(claim, replaced));
            }
        }

        return new GateResult(IdempotencyDecision.InFlight, null);
    }

    /// <summary>Stores the response for replay, or releases the key when the response is not one to replay.</summary>
    public async Task LeaveAsync(
        string key,
        Versioned<IdempotencyRecord> claim,
        StoredResponse? response,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (response is { IsReplayable: true })
        {
            await store.TryReplaceAsync(key, claim.Value.Complete(response), claim.Version, cancellationToken);
        }
        else
        {
            await store.ReleaseAsync(key, claim.Version, cancellationToken);
        }
    }
}
