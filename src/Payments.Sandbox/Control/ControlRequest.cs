using System.Globalization;
using System.Text.Json;

namespace Payments.Sandbox.Control;

/// <summary>
/// The JSON body of a sandbox control call (an absent body reads as <c>{}</c>) and the checks its fields share; each
/// bad field is named in <see cref="Errors"/>.
/// </summary>
public sealed class ControlRequest
{
    private readonly JsonElement body;

    private ControlRequest(JsonElement body) => this.body = body;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public static async Task<ControlRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return new ControlRequest(JsonDocument.Parse("{}").RootElement.Clone());
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            var read = new ControlRequest(document.RootElement.Clone());
            if (read.body.ValueKind != JsonValueKind.Object)
            {
                read.Errors["body"] = ["must be a JSON object"];
            }

            return read;
        }
        catch (JsonException)
        {
            var unreadable = new ControlRequest(default);
            unreadable.Errors["body"] = ["must be a JSON object"];
            return unreadable;
        }
    }

    /// <summary>
    /// A text field that must be one of <paramref name="allowed"/>; absent: <paramref name="fallback"/>.
    /// </summary>
    public string? Choice(string name, string? fallback, params string[] allowed)
    {
        var text = Text(name);
        if (text is null && !Errors.ContainsKey(name))
        {
            text = fallback;
        }

        if (text is null || !allowed.Contains(text, StringComparer.Ordinal))
        {
            Errors.TryAdd(name, [$"must be one of: {string.Join(", ", allowed)}"]);
            return null;
        }

        return text;
    }

    /// <summary>A text field of at most 200 characters; null when absent.</summary>
    public string? Text(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 and <= 200 } text)
        {
            Errors[name] = ["must be a text of 1 to 200 characters"];
            return null;
        }

        return text;
    }

    /// <summary>
    /// A positive amount with at most two decimals, as decimal text or a JSON number; null when absent. Returned as
    /// the text given (a provider signs and hashes amounts as text).
    /// </summary>
    public (decimal Value, string Text)? Amount(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? string.Empty,
            JsonValueKind.Number => value.GetRawText(),
            _ => string.Empty,
        };
        if (
            !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0
            || amount.Scale > 2
        )
        {
            Errors[name] = ["must be a positive amount with at most two decimals, e.g. \"12.50\""];
            return null;
        }

        return (amount, text);
    }

    /// <summary>Names <paramref name="name"/> as given where it does not apply.</summary>
    public void NotWith(string name, string why)
    {
        if (TryGet(name, out _))
        {
            Errors.TryAdd(name, [why]);
        }
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null;
    }
}
