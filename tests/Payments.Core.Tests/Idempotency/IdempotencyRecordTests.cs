using Payments.Core.Idempotency;

namespace Payments.Core.Tests.Idempotency;

public sealed class IdempotencyRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly IdempotencyOptions Options = new();
    private static readonly StoredResponse Created = new(201, "application/json", "/api/orders/a", "{}"u8.ToArray());

    [Fact]
    public void Decide_SameFingerprintWhileLeased_InFlight() =>
        Assert.Equal(
            IdempotencyDecision.InFlight,
            IdempotencyRecord.Begin("fp", Options, Now).Decide("fp", Now.AddSeconds(30))
        );

    [Fact]
    public void Decide_SameFingerprintAfterLeaseRanOut_ClaimAgain() =>
        Assert.Equal(
            IdempotencyDecision.Claim,
            IdempotencyRecord.Begin("fp", Options, Now).Decide("fp", Now + Options.Lease)
        );

    [Fact]
    public void Decide_SameFingerprintCompleted_Replay() =>
        Assert.Equal(
            IdempotencyDecision.Replay,
            IdempotencyRecord.Begin("fp", Options, Now).Complete(Created).Decide("fp", Now.AddHours(23))
        );

    [Fact]
    public void Decide_OtherFingerprint_MismatchWhetherRunningOrDone()
    {
        var running = IdempotencyRecord.Begin("fp", Options, Now);
        Assert.Equal(IdempotencyDecision.Mismatch, running.Decide("other", Now));
        Assert.Equal(IdempotencyDecision.Mismatch, running.Complete(Created).Decide("other", Now));
    }

    [Fact]
    public void Decide_AfterExpiry_ClaimEvenForOtherFingerprint()
    {
        var done = IdempotencyRecord.Begin("fp", Options, Now).Complete(Created);
        Assert.Equal(IdempotencyDecision.Claim, done.Decide("other", Now + Options.Expiry));
        Assert.Equal(IdempotencyDecision.Claim, done.Decide("fp", Now + Options.Expiry));
    }

    [Fact]
    public void Complete_DropsLease() =>
        Assert.Null(IdempotencyRecord.Begin("fp", Options, Now).Complete(Created).LeasedUntil);

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(422, false)]
    [InlineData(500, false)]
    [InlineData(502, false)]
    [InlineData(503, false)]
    public void IsReplayable_OnlySuccesses(int status, bool replayable) =>
        Assert.Equal(replayable, new StoredResponse(status, null, null, ReadOnlyMemory<byte>.Empty).IsReplayable);

    [Fact]
    public void IsReplayable_BodyOverLimit_False() =>
        Assert.False(new StoredResponse(200, null, null, new byte[StoredResponse.MaxBodyBytes + 1]).IsReplayable);
}
