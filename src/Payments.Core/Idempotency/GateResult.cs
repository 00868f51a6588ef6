using Payments.Core.Orders;

namespace Payments.Core.Idempotency;

/// <summary>
/// The gate's answer; <see cref="Record"/> is the claim (to pass to <c>LeaveAsync</c>) or the stored record.
/// </summary>
public sealed record GateResult(IdempotencyDecision Decision, Versioned<IdempotencyRecord>? Record)
{
    public static GateResult Claimed(Versioned<IdempotencyRecord> claim) => new(IdempotencyDecision.Claim, claim);
}
