using Microsoft.AspNetCore.Http;
using Payments.Core.Idempotency;

namespace Payments.Http.Idempotency;

/// <summary>
/// A request's passage through its <c>Idempotency-Key</c>, from <see cref="IdempotentRequests.EnterAsync"/>: either
/// an <see cref="Answer"/> given for the key (the request does not run), or leave to run, after which
/// <see cref="CompleteAsync"/> stores the response for replay. Disposed without completing (the request threw), the
/// key is released so a repeat runs again.
/// </summary>
public sealed class IdempotentEntry : IAsyncDisposable
{
    private readonly IdempotentRequests? owner;
    private readonly string? key;
    private readonly GateResult? claim;
    private readonly HttpContext? context;
    private bool left;

    private IdempotentEntry(
        IResult? answer,
        IdempotentRequests? owner,
        string? key,
        GateResult? claim,
        HttpContext? context
    )
    {
        Answer = answer;
        this.owner = owner;
        this.key = key;
        this.claim = claim;
        this.context = context;
    }

    /// <summary>What the request is answered without running: the header refused, a replay, 422 or 409.</summary>
    public IResult? Answer { get; }

    /// <summary>The request's response as sent: stored under the key when it holds one.</summary>
    public async Task<IResult> CompleteAsync(IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Answer is not null)
        {
            throw new InvalidOperationException("The request was answered for its key; it does not run.");
        }

        if (owner is null)
        {
            return result;
        }

        var response = await ResponseCapture.CaptureAsync(result, context!);
        left = true;
        await owner.LeaveAsync(key!, claim!, response);
        return new ReplayedResult(response, Replayed: false);
    }

    /// <summary>Releases a claimed key the request did not complete.</summary>
    public async ValueTask DisposeAsync()
    {
        if (owner is not null && !left)
        {
            left = true;
            await owner.LeaveAsync(key!, claim!, null);
        }
    }

    internal static IdempotentEntry Answered(IResult answer) => new(answer, null, null, null, null);

    internal static IdempotentEntry Unkeyed() => new(null, null, null, null, null);

    internal static IdempotentEntry Claimed(
        IdempotentRequests owner,
        string key,
        GateResult claim,
        HttpContext context
    ) => new(null, owner, key, claim, context);
}
