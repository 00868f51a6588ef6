using Microsoft.AspNetCore.Http;

namespace Payments.Http.Endpoints;

/// <summary>Reads request bodies with a size limit, the one place that does.</summary>
public static class RequestBodies
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var copy = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return null;
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>Reads the body so it can be fingerprinted and then read again by the handler (rewound either way).</summary>
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/> (the handler answers that).</returns>
    public static async Task<byte[]?> BufferAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        request.EnableBuffering(maxBytes + 1);
        var body = await ReadAtMostAsync(request.Body, maxBytes, cancellationToken);
        request.Body.Position = 0;
        return body;
    }
}
