using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Core;
using Payments.Core.Idempotency;
using Payments.Http.Endpoints;

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
    IdempotencyGate gate, FingerprintKey cardKey, ILogger<IdempotentRequests> logger)
{
    /// <summary>For a request whose body the endpoint does not read: the key and body are read here, once.</summary>
    public async Task<IResult> RunAsync(
        HttpRequest request, Func<Task<IResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        if (!request.Headers.ContainsKey(IdempotencyKey.Header))
        {
            return await handle();
        }

        using var read = await MerchantRequest.ReadAsync(request, cancellationToken);
        return await RunAsync(read, handle, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="handle"/> under the request's key, or answers for the key without running it.
    /// </summary>
    public async Task<IResult> RunAsync(
        MerchantRequest request, Func<Task<IResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        if (request.KeyError is { } refused)
        {
            return refused;
        }

        if (request.Key is not { Value: var key } || !request.CanFingerprint)
        {
            return await handle();
        }

        var http = request.Http;
        var fingerprint = RequestFingerprint.OfJsonRequest(
            http.Method,
            http.Path.Value,
            http.QueryString.Value,
            request.Body,
            await cardKey.GetAsync(cancellationToken));
        if (fingerprint is null)
        {
            return await handle();
        }

        var entry = await gate.EnterAsync(key, fingerprint, cancellationToken);
        switch (entry.Decision)
        {
            case IdempotencyDecision.Replay:
                return new ReplayedResult(entry.Record!.Value.Response!, Replayed: true);
            case IdempotencyDecision.Mismatch:
                return Results.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Idempotency key already used",
                    detail: "This Idempotency-Key was used for a different request (another body or endpoint). "
                        + "Use a new key for a new request.");
            case IdempotencyDecision.InFlight:
                return new RetryLaterResult(Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Request in progress",
                    detail: "The first request with this Idempotency-Key is still running; repeat it shortly to get "
                        + "its response."));
        }

        StoredResponse response;
        try
        {
            response = await ResponseCapture.CaptureAsync(await handle(), http.HttpContext);
        }
        catch
        {
            await LeaveAsync(key, entry, null);
            throw;
        }

        await LeaveAsync(key, entry, response);
        return new ReplayedResult(response, Replayed: false);
    }

    /// <summary>
    /// Stores or releases the key. When storage fails here the request's own answer still goes out; the key's lease
    /// runs out and a repeat then runs again (the order id makes that safe).
    /// </summary>
    private async Task LeaveAsync(string key, GateResult entry, StoredResponse? response)
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

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "An idempotency key's outcome was not stored ({Reason}); its lease will run out")]
    private static partial void LogNotStored(ILogger logger, string reason);
}
