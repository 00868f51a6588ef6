using Microsoft.AspNetCore.Http;

namespace Payments.Http.Idempotency;

/// <summary>Buffers a request body so it can be fingerprinted and then read again by the handler.</summary>
public static class RequestBodies
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/> (the handler answers that).</returns>
    public static async Task<byte[]?> BufferAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        request.EnableBuffering(maxBytes + 1);
        using var copy = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            copy.Write(chunk, 0, read);
            if (copy.Length > maxBytes)
            {
                request.Body.Position = 0;
                return null;
            }
        }

        request.Body.Position = 0;
        return copy.ToArray();
    }
}
