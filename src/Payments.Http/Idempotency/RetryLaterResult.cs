using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Payments.Http.Idempotency;

/// <summary>Another result with <c>Retry-After: 1</c>.</summary>
public sealed record RetryLaterResult(IResult Inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers[HeaderNames.RetryAfter] = "1";
        return Inner.ExecuteAsync(httpContext);
    }
}
