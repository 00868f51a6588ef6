using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Payments.Core;

/// <summary>SHA-256 over length-prefixed parts: the same request content always gives the same fingerprint.</summary>
public static class RequestFingerprint
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    public static string Of(params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part?.Length ?? -1).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// A request by method, path, query and its parsed JSON body without the card's secret parts (property order kept,
    /// white space not); a card's number and expiry count only through an HMAC-SHA256 keyed with
    /// <paramref name="cardKey"/>, so two cards with the same last four digits differ while nothing unkeyed is derived
    /// from them. A body without card data gives the same fingerprint as before cards were keyed. An empty body is one
    /// of its own.
    /// </summary>
    /// <returns>
    /// The fingerprint, or null when the body is not JSON the endpoints accept (they answer it; nothing is kept).
    /// </returns>
    public static string? OfJsonRequest(
        string method,
        string? path,
        string? query,
        ReadOnlyMemory<byte> body,
        ReadOnlySpan<byte> cardKey
    )
    {
        if (body.IsEmpty)
        {
            return OfJsonRequest(method, path, query, (JsonElement?)null, cardKey);
        }

        try
        {
            using var document = JsonDocument.Parse(body, ReadOptions);
            return OfJsonRequest(method, path, query, document.RootElement, cardKey);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The same fingerprint from a body already parsed (no duplicate properties, at most 16 deep), null standing for an
    /// empty body: the request is parsed once.
    /// </summary>
    /// <returns>
    /// The fingerprint, or null when a string in the body cannot be read (it is answered; nothing is kept).
    /// </returns>
    public static string? OfJsonRequest(
        string method,
        string? path,
        string? query,
        JsonElement? body,
        ReadOnlySpan<byte> cardKey
    )
    {
        if (body is not { } root)
        {
            return Of(method, path, query, string.Empty);
        }

        using var canonical = new MemoryStream();
        try
        {
            using var writer = new Utf8JsonWriter(canonical);
            CardRedaction.Write(root, writer);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var redacted = Convert.ToBase64String(canonical.ToArray());
        var card = CardRedaction.CardIdentity(root);
        if (card.Length == 0)
        {
            return Of(method, path, query, redacted);
        }

        var cardDigest = HMACSHA256.HashData(cardKey, Encoding.UTF8.GetBytes(card));
        return Of(method, path, query, redacted, Convert.ToHexStringLower(cardDigest));
    }
}
