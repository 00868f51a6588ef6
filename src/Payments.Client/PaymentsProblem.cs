using System.Text.Json;

namespace Payments.Client;

/// <summary>
/// A problem answer (RFC 9457, <c>application/problem+json</c>) with the service's extensions: a stable
/// <see cref="Code"/>, the bad fields of a 400, and the order a 409 or 502 is about.
/// </summary>
public sealed record PaymentsProblem
{
    /// <summary>A URI naming the kind of problem, one per <see cref="Code"/>.</summary>
    public string? Type { get; init; }

    public string? Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>The W3C trace id an operator can look the request up by.</summary>
    public string? TraceId { get; init; }

    /// <summary>
    /// A stable machine-readable code (<see cref="PaymentsProblemCodes"/>: <c>invalid-request</c>,
    /// <c>order-not-found</c>, <c>provider-unavailable</c>, ...), to branch on instead of the title.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>On a 400: each bad field with its messages. Empty otherwise.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The order the problem is about, if any.</summary>
    public string? OrderId { get; init; }

    /// <summary>
    /// That order's status: on a 502 <c>Unknown</c> means "send the same request again", <c>Rejected</c> means the
    /// provider refused it.
    /// </summary>
    public string? OrderStatus { get; init; }

    /// <summary>The provider's error code, when the provider refused.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>
    /// Reads a problem body; anything that is not a JSON object gives a problem with only <paramref name="status"/>.
    /// </summary>
    public static PaymentsProblem Parse(ReadOnlySpan<byte> body, int status)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? From(document.RootElement, status)
                : new PaymentsProblem { Status = status };
        }
        catch (JsonException)
        {
            return new PaymentsProblem { Status = status };
        }
    }

    private static PaymentsProblem From(JsonElement root, int status)
    {
        string? orderStatus = null;
        var problemStatus = status;
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var member in root.EnumerateObject())
        {
            switch (member.Name, member.Value.ValueKind)
            {
                case ("status", JsonValueKind.Number) when member.Value.TryGetInt32(out var number):
                    problemStatus = number;
                    break;
                case ("orderStatus", JsonValueKind.String):
                    orderStatus = member.Value.GetString();
                    break;
                case ("errors", JsonValueKind.Object):
                    foreach (var field in member.Value.EnumerateObject())
                    {
                        errors[field.Name] = Messages(field.Value);
                    }

                    break;
            }
        }

        return new PaymentsProblem
        {
            Type = Text(root, "type"),
            Title = Text(root, "title"),
            Status = problemStatus,
            Detail = Text(root, "detail"),
            Instance = Text(root, "instance"),
            TraceId = Text(root, "traceId"),
            Code = Text(root, "code"),
            Errors = errors,
            OrderId = Text(root, "orderId"),
            OrderStatus = orderStatus,
            ProviderCode = Text(root, "providerCode"),
        };
    }

    private static string[] Messages(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Select(m => m.ToString())],
            JsonValueKind.String => [value.GetString()!],
            _ => [value.ToString()],
        };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
