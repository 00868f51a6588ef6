using Microsoft.AspNetCore.Http;

namespace Payments.Http.Problems;

/// <summary>
/// Every problem code the service answers with. The codes are part of the contract: <c>docs/openapi.json</c> lists
/// them as the <c>code</c> member's values and <c>docs/problems.md</c> explains each one.
/// </summary>
public static class ProblemCodes
{
    /// <summary>What every problem's <c>type</c> starts with; the code follows.</summary>
    public const string TypePrefix = "urn:payments:problem:";

    public static readonly ProblemCode InvalidRequest = new(
        "invalid-request",
        StatusCodes.Status400BadRequest,
        "A field, header, query value or the body is invalid; errors names each. Nothing was written: fix and resend."
    );

    public static readonly ProblemCode Unauthorized = new(
        "unauthorized",
        StatusCodes.Status401Unauthorized,
        "The function or operator key is missing or wrong, or the operator is not signed in."
    );

    public static readonly ProblemCode Forbidden = new(
        "forbidden",
        StatusCodes.Status403Forbidden,
        "Signed in, but without the Payments.Operator app role: ask for it to be assigned. Nothing was done."
    );

    public static readonly ProblemCode NotAuthentic = new(
        "not-authentic",
        StatusCodes.Status401Unauthorized,
        "A provider message whose hash or signature did not verify. Nothing was changed."
    );

    public static readonly ProblemCode NotFound = new(
        "not-found",
        StatusCodes.Status404NotFound,
        "No such route, or no such delivery."
    );

    public static readonly ProblemCode OrderNotFound = new(
        "order-not-found",
        StatusCodes.Status404NotFound,
        "No order, collection or subscription has this id."
    );

    public static readonly ProblemCode MethodNotAllowed = new(
        "method-not-allowed",
        StatusCodes.Status405MethodNotAllowed,
        "The route exists with another method."
    );

    public static readonly ProblemCode OrderIdConflict = new(
        "order-id-conflict",
        StatusCodes.Status409Conflict,
        "The order id exists with different content, or the operation was done under another id. Use a new id."
    );

    public static readonly ProblemCode RequestInProgress = new(
        "request-in-progress",
        StatusCodes.Status409Conflict,
        "The first request with this order id or Idempotency-Key is still running: send the same request again."
    );

    public static readonly ProblemCode OrderStateConflict = new(
        "order-state-conflict",
        StatusCodes.Status409Conflict,
        "The order's state does not allow this (orderStatus says which it is). Read the order before deciding."
    );

    public static readonly ProblemCode ProviderDisagrees = new(
        "provider-disagrees",
        StatusCodes.Status409Conflict,
        "The provider's signed answer disagrees with the decision, or flags something it does not waive."
    );

    public static readonly ProblemCode NoProviderQuery = new(
        "no-provider-query",
        StatusCodes.Status409Conflict,
        "HUAWEIPIN publishes no status query; its callback is the only source of truth."
    );

    public static readonly ProblemCode PayloadTooLarge = new(
        "payload-too-large",
        StatusCodes.Status413PayloadTooLarge,
        "The body is larger than the route accepts. Nothing was written."
    );

    public static readonly ProblemCode UnsupportedMediaType = new(
        "unsupported-media-type",
        StatusCodes.Status415UnsupportedMediaType,
        "The body is not sent as the route's media type. Nothing was written."
    );

    public static readonly ProblemCode IdempotencyKeyReused = new(
        "idempotency-key-reused",
        StatusCodes.Status422UnprocessableEntity,
        "The Idempotency-Key was used for a different request. Use a new key for a new request."
    );

    public static readonly ProblemCode RateLimited = new(
        "rate-limited",
        StatusCodes.Status429TooManyRequests,
        "Too many requests from one address to an anonymous route; retry after Retry-After seconds."
    );

    public static readonly ProblemCode InternalError = new(
        "internal-error",
        StatusCodes.Status500InternalServerError,
        "An unexpected error, logged under traceId."
    );

    public static readonly ProblemCode ProviderRefused = new(
        "provider-refused",
        StatusCodes.Status502BadGateway,
        "The provider refused the request; providerCode and detail say why. The order is final (orderStatus)."
    );

    public static readonly ProblemCode ProviderUnavailable = new(
        "provider-unavailable",
        StatusCodes.Status502BadGateway,
        "The provider gave no usable signed answer; send the same request again to resolve it."
    );

    public static readonly ProblemCode ServiceUnavailable = new(
        "service-unavailable",
        StatusCodes.Status503ServiceUnavailable,
        "Storage or the key vault is not answering; nothing was recorded. Retry after Retry-After seconds."
    );

    public static readonly ProblemCode ReconciliationRunning = new(
        "reconciliation-running",
        StatusCodes.Status409Conflict,
        "Another run of the same day's reconciliation is advancing it: wait, then read the day's summary."
    );

    public static readonly ProblemCode CallbackNotApplied = new(
        "callback-not-applied",
        StatusCodes.Status503ServiceUnavailable,
        "A provider message was recorded but could not be applied; a person looks at it and the provider retries."
    );

    /// <summary>Every code, in status order.</summary>
    public static IReadOnlyList<ProblemCode> All { get; } =
    [
        InvalidRequest,
        Unauthorized,
        NotAuthentic,
        Forbidden,
        NotFound,
        OrderNotFound,
        MethodNotAllowed,
        OrderIdConflict,
        RequestInProgress,
        OrderStateConflict,
        ProviderDisagrees,
        NoProviderQuery,
        ReconciliationRunning,
        PayloadTooLarge,
        UnsupportedMediaType,
        IdempotencyKeyReused,
        RateLimited,
        InternalError,
        ProviderRefused,
        ProviderUnavailable,
        ServiceUnavailable,
        CallbackNotApplied,
    ];

    /// <summary>
    /// The code of a problem written without one (by the framework: an unknown route, a wrong method): the first code
    /// listed for its status.
    /// </summary>
    public static ProblemCode ForStatus(int status) =>
        All.FirstOrDefault(code => code.Status == status)
        ?? (status >= StatusCodes.Status500InternalServerError ? InternalError : InvalidRequest);

    /// <summary>The code named <paramref name="name"/>, or null.</summary>
    public static ProblemCode? Find(string? name) => All.FirstOrDefault(code => code.Name == name);
}
