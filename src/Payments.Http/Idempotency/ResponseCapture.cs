using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Payments.Core.Idempotency;

namespace Payments.Http.Idempotency;

/// <summary>
/// Runs an <see cref="IResult"/> into memory, so the exact bytes can be stored and sent (now and on replays).
/// </summary>
public static class ResponseCapture
{
    public static async Task<StoredResponse> CaptureAsync(IResult result, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        using var body = new MemoryStream();
        var scratch = new DefaultHttpContext { RequestServices = context.RequestServices };
        scratch.Request.Scheme = context.Request.Scheme;
        scratch.Request.Host = context.Request.Host;
        scratch.Request.PathBase = context.Request.PathBase;
        scratch.Request.Path = context.Request.Path;
        scratch.Response.Body = body;
        await result.ExecuteAsync(scratch);
        var headers = scratch.Response.Headers;
        return new StoredResponse(
            scratch.Response.StatusCode,
            headers.ContentType.ToString() is { Length: > 0 } type ? type : null,
            headers[HeaderNames.Location].ToString() is { Length: > 0 } location ? location : null,
            body.ToArray()
        );
    }
}
