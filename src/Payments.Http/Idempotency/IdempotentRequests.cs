using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Core;
using Payments.Core.Idempotency;
using Payments.Http.Endpoints;
using Payments.Http.Problems;

namespace Payments.Http.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on merchant POSTs (IETF httpapi draft semantics): the first request with a key runs and
/// its response is stored; a repeat with the same method, path and body gets that response replayed (marked
/// <c>Idempotent-Replayed: true</c>); another body or endpoint under the key gets 422; a repeat while the first
/// still runs gets 409. Without the header the request runs as it is (orders are idempotent by their id anyway).
/// The stored fingerprint is over the parsed body without the card's secret parts (<see cref="RequestFingerprint"/>):
/// the card's number and expiry count through a digest keyed with <see cref="FingerprintKey"/> (two cards sharing
/// their last four digits are two requests), the CVV not at all: nothing kept for 24 h can confirm a guessed card or
/// CVV. A body that is not JSON the endpoints accept runs unkeyed (it is refused).
/// </summary>
public sealed partial class IdempotentRequests(
    IdempotencyGate gate,
    FingerprintKey cardKey,
    ILogger<IdempotentRequests> logger
)
{
    /// <summary>
    /// Enters the request under its key: the entry answers for the key (header refused, replay, 422, 409) or lets the
    /// request run and then stores its response (<see cref="IdempotentEntry.CompleteAsync"/>).
    /// </summary>
    public async Task<IdempotentEntry> EnterAsync(MerchantRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.KeyError is { } refused)
        {
            return IdempotentEntry.Answered(refused);
        }

        if (request.Key is not { Value: var key } || !request.CanFingerprint)
        {
            return IdempotentEntry.Unkeyed();
        }

        var http = request.Http;
        var fingerprint = RequestFingerprint.OfJsonRequest(
            http.Method,
            http.Path.Value,
            http.QueryString.Value,
            request.Body,
            await cardKey.GetAsync(cancellationToken)
        );
        if (fingerprint is null)
        {
            return IdempotentEntry.Unkeyed();
        }

        var entry = await gate.EnterAsync(key, fingerprint, cancellationToken);
        return entry.Decision switch
        {
            IdempotencyDecision.Replay => IdempotentEntry.Answered(
                new ReplayedResult(entry.Record!.Value.Response!, Replayed: true)
            ),
            IdempotencyDecision.Mismatch => IdempotentEntry.Answered(
                ApiProblem.Of(
                    ProblemCodes.IdempotencyKeyReused,
                    "Idempotency key already used",
                    "This Idempotency-Key was used for a different request (another body or endpoint). "
                        + "Use a new key for a new request."
                )
            ),
            IdempotencyDecision.InFlight => IdempotentEntry.Answered(
                new RetryLaterResult(
                    ApiProblem.Of(
                        ProblemCodes.RequestInProgress,
                        "Request in progress",
                        "The first request with this Idempotency-Key is still running; repeat it shortly to "
                            + "get "
                            + "its response."
                    )
                )
            ),
            _ => IdempotentEntry.Claimed(this, key, entry, http.HttpContext),
        };
    }

    /// <summary>For a request whose body the endpoint does not read: the key and body are read here, once.</summary>
    public async Task<IResult> RunAsync(
        HttpRequest request,
        Func<Task<IResult>> handle,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        if (!request.Headers.ContainsKey(IdempotencyKey.Header))
        {
            return await handle();
        }

        using var read = await MerchantRequest.ReadAsync(request, cancellationToken);
        await using var entry = await EnterAsync(read, cancellationToken);
        return entry.Answer ?? await entry.CompleteAsync(await handle());
    }

    /// <summary>
    /// Stores or releases the key. When storage fails here the request's own answer still goes out; the key's lease
    /// runs out and a repeat then runs again (the order id makes that safe).
    /// </summary>
    internal async Task LeaveAsync(string key, GateResult entry, StoredResponse? response)
    {
        try
        {
            await gate.LeaveAsync(key, entry.Record!, response, CancellationToken.None);
        }
        catch (StorageUnavailableException e)
        {
            LogNotStored(logger, e.Message);
        }
    }

    [LoggerMessage(
        EventId = 5401,
        Level = LogLevel.Warning,
        Message = "An idempotency key's outcome was not stored ({Reason}); its lease will run out"
    )]
    private static partial void LogNotStored(ILogger logger, string reason);
}
