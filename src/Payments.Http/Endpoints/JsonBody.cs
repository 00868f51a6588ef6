using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Payments.Core.Validation;

namespace Payments.Http.Endpoints;

/// <summary>
/// Reads a JSON request body defensively: JSON content type (415 otherwise), at most 64 KiB (413), well-formed,
/// shallow and without a property name repeated in one object (400 naming it). Nothing has been written when any
/// of these answers. Merchant requests and provider messages alike are read here.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;
    private static readonly string[] RepeatedMessage = ["appears more than once"];
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        var body = await RequestBodies.ReadAtMostAsync(request.Body, MaxBytes, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge());
        }

        try
        {
            return (JsonDocument.Parse(body, ParseOptions), null);
        }
        catch (JsonException)
        {
            if (RepeatedProperties.In(body) is { Count: > 0 } repeated)
            {
                return (null, Results.ValidationProblem(
                    repeated.ToDictionary(name => name, _ => RepeatedMessage, StringComparer.Ordinal),
                    title: "The request body repeats a property."));
            }

            return (null, Results.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = ["is not valid JSON"] },
                title: "The request body is not valid JSON."));
        }
    }

    /// <summary>Reads the body and hands its root to <paramref name="handle"/>; answers the read error instead when there is one.</summary>
    public static async Task<IResult> HandleAsync(HttpRequest request, Func<JsonElement, Task<IResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (document, error) = await ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            return await handle(document!.RootElement);
        }
    }

    /// <summary>
    /// Reads and validates a request: 400 naming every bad field (nothing written, no provider called), otherwise
    /// <paramref name="handle"/> with the valid command.
    /// </summary>
    public static Task<IResult> ValidatedAsync<TCommand>(
        HttpRequest request, string what, Func<JsonElement, FieldErrors, TCommand?> validate, Func<TCommand, Task<IResult>> handle, CancellationToken cancellationToken)
        where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(handle);
        return HandleAsync(request, async body =>
        {
            var errors = new FieldErrors();
            var command = validate(body, errors);
            return command is null
                ? Results.ValidationProblem(errors.ToDictionary(), title: $"The {what} request has invalid fields.")
                : await handle(command);
        }, cancellationToken);
    }

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body must be at most {MaxBytes} bytes.");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
