using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Payments.Core.Validation;
using Payments.Http.Problems;

namespace Payments.Http.Endpoints;

/// <summary>
/// Reads a JSON request body defensively: JSON content type (415 otherwise), at most 64 KiB (413), well-formed,
/// shallow and without a property name repeated in one object (400 naming it). Nothing has been written when any
/// of these answers. Merchant requests (<see cref="MerchantRequest"/>) and provider messages alike are read here.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;
    private static readonly string[] RepeatedMessage = ["appears more than once"];
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = 16,
        AllowDuplicateProperties = false,
    };

    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request))
        {
            return (null, UnsupportedMediaType());
        }

        var body = await ReadBytesAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge());
        }

        var error = Parse(body, out var document);
        return (document, error);
    }

    /// <summary>
    /// Reads and validates a request: 400 naming every bad field (nothing written, no provider called), otherwise
    /// <paramref name="handle"/> with the valid command.
    /// </summary>
    public static async Task<IResult> ValidatedAsync<TCommand>(
        HttpRequest request,
        string what,
        Func<JsonElement, FieldErrors, TCommand?> validate,
        Func<TCommand, Task<IResult>> handle,
        CancellationToken cancellationToken
    )
        where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(handle);
        var (document, error) = await ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var errors = new FieldErrors();
            var command = validate(document!.RootElement, errors);
            return command is null ? Invalid(what, errors) : await handle(command);
        }
    }

    /// <summary>The 400 naming every bad field of a <paramref name="what"/> request.</summary>
    public static IResult Invalid(string what, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return ApiProblem.Invalid(errors.ToDictionary(), title: $"The {what} request has invalid fields.");
    }

    /// <summary>Whether the request says its body is JSON (<c>application/json</c> or a <c>+json</c> type).</summary>
    internal static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (
            type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)
        );

    /// <returns>The body, or null when it is larger than <see cref="MaxBytes"/>.</returns>
    internal static async Task<byte[]?> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var copy = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                return null;
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }

    /// <returns>
    /// Null when <paramref name="body"/> parsed into <paramref name="document"/>; otherwise the 400 to answer.
    /// </returns>
    internal static IResult? Parse(byte[] body, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
            return null;
        }
        catch (JsonException)
        {
            document = null;
            if (RepeatedProperties.In(body) is { Count: > 0 } repeated)
            {
                return ApiProblem.Invalid(
                    repeated.ToDictionary(name => name, _ => RepeatedMessage, StringComparer.Ordinal),
                    title: "The request body repeats a property."
                );
            }

            return ApiProblem.Invalid(
                new Dictionary<string, string[]> { ["body"] = ["is not valid JSON"] },
                title: "The request body is not valid JSON."
            );
        }
    }

    internal static IResult UnsupportedMediaType() =>
        ApiProblem.Of(
            ProblemCodes.UnsupportedMediaType,
            "Unsupported media type",
            "Send the body as application/json."
        );

    internal static IResult TooLarge() =>
        ApiProblem.Of(
            ProblemCodes.PayloadTooLarge,
            "Request body too large",
            $"The body must be at most {MaxBytes} bytes."
        );
}
