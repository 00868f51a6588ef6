using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Payments.Core.Idempotency;

namespace Payments.Http.Idempotency;

/// <summary>Writes a stored response; a replay carries <c>Idempotent-Replayed: true</c>.</summary>
public sealed record ReplayedResult(StoredResponse Response, bool Replayed) : IResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Response.StatusCode;
        if (Response.ContentType is { } type)
        {
            response.ContentType = type;
        }

        if (Response.Location is { } location)
        {
            response.Headers[HeaderNames.Location] = location;
        }

        if (Replayed)
        {
            response.Headers[ReplayedHeader] = "true";
        }

        response.ContentLength = Response.Body.Length;
        await response.Body.WriteAsync(Response.Body, httpContext.RequestAborted);
    }
}
