using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Payments.Core.Validation;
using Payments.Http.Endpoints;
using Payments.Http.Problems;

namespace Payments.Http.Operations;

/// <summary>
/// A body that may be left out (replay, enable, sync): when absent, the command it stands for; otherwise JSON
/// validated like any other. Absent means no body at all (Content-Length 0, or nothing to read): a body sent chunked,
/// or without a Content-Type, is read (and answered 415 without a JSON type), never taken for none.
/// </summary>
internal static class OptionalJsonBody
{
    /// <summary>
    /// Checks the route's path values and reads the body with <paramref name="validate"/>, or takes
    /// <paramref name="absent"/> when there is none: 400 naming every bad field, otherwise <paramref name="handle"/>.
    /// </summary>
    public static async Task<IResult> ValidatedAsync<T>(
        HttpRequest request,
        (string Field, string Value)[] routeValues,
        Func<JsonElement, FieldErrors, T?> validate,
        T absent,
        Func<T, Task<IResult>> handle,
        CancellationToken cancellationToken
    )
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        if (await HasBodyAsync(request, cancellationToken))
        {
            return await JsonBody.ValidatedAsync(
                request,
                "operator",
                (body, errors) => OperatorRequests.WithRouteValues(errors, validate(body, errors), routeValues),
                handle,
                cancellationToken
            );
        }

        var errors = new FieldErrors();
        OperatorRequests.WithRouteValues(errors, absent, routeValues);
        return errors.IsEmpty
            ? await handle(absent)
            : ApiProblem.Invalid(errors.ToDictionary(), title: OperatorRequests.InvalidTitle);
    }

    /// <summary>
    /// Whether the request carries a body: a declared length says so; otherwise (chunked, or length unknown) the first
    /// byte does.
    /// </summary>
    private static async Task<bool> HasBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            return length > 0;
        }

        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return false;
        }

        request.EnableBuffering();
        var probe = new byte[1];
        var read = await request.Body.ReadAsync(probe, cancellationToken);
        request.Body.Position = 0;
        return read > 0;
    }
}
