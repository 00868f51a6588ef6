using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Payments.Core.Idempotency;
using Payments.Http.Problems;

namespace Payments.Http.Endpoints;

/// <summary>
/// A merchant's request, read once: its <c>Idempotency-Key</c> parsed, its body read (at most
/// <see cref="JsonBody.MaxBytes"/>) and parsed (no repeated property, at most 16 deep). The idempotency gate, the
/// validator and the handler all work on what it read; nothing reads the request again.
/// </summary>
public sealed class MerchantRequest : IDisposable
{
    private readonly JsonDocument? document;
    private readonly byte[]? bytes;
    private readonly IResult? parseError;

    private MerchantRequest(
        HttpRequest http,
        IdempotencyKey? key,
        IResult? keyError,
        byte[]? bytes,
        JsonDocument? document,
        IResult? parseError
    )
    {
        Http = http;
        Key = key;
        KeyError = keyError;
        this.bytes = bytes;
        this.document = document;
        this.parseError = parseError;
    }

    public HttpRequest Http { get; }

    /// <summary>The request's key; null without the header (or when <see cref="KeyError"/> refuses it).</summary>
    public IdempotencyKey? Key { get; }

    /// <summary>The 400 naming the header, when it is sent but is not one key.</summary>
    public IResult? KeyError { get; }

    /// <summary>The parsed body; null when it is empty or could not be read (<see cref="BodyError"/>).</summary>
    public JsonElement? Body => document?.RootElement;

    /// <summary>Whether the request says it has a body: a length above zero or a content type.</summary>
    public bool DeclaresBody => Http.ContentLength is > 0 || Http.ContentType is not null;

    /// <summary>
    /// Whether the body can be fingerprinted for its key: read in full, and empty or JSON. A body that cannot be is
    /// refused whatever its key, so it is answered without one.
    /// </summary>
    public bool CanFingerprint => bytes is not null && (bytes.Length == 0 || document is not null);

    /// <summary>
    /// Why the body is not a JSON request: 415 (not declared JSON), 413 (too large), 400 (not valid JSON).
    /// </summary>
    public IResult? BodyError =>
        !JsonBody.IsJson(Http) ? JsonBody.UnsupportedMediaType()
        : bytes is null ? JsonBody.TooLarge()
        : parseError;

    public static async Task<MerchantRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IdempotencyKey? key = null;
        if (request.Headers.TryGetValue(IdempotencyKey.Header, out var values))
        {
            key = values.Count == 1 ? IdempotencyKey.Parse(values[0]) : null;
            if (key is null)
            {
                var refused = ApiProblem.Invalid(
                    new Dictionary<string, string[]> { [IdempotencyKey.Header] = [IdempotencyKey.Rule] },
                    title: "The Idempotency-Key header is invalid."
                );
                return new MerchantRequest(request, null, refused, null, null, null);
            }
        }

        var body = await JsonBody.ReadBytesAsync(request, cancellationToken);
        JsonDocument? document = null;
        var parseError = body is null ? null : JsonBody.Parse(body, out document);
        return new MerchantRequest(request, key, null, body, document, parseError);
    }

    public void Dispose() => document?.Dispose();
}
