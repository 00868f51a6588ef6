using System.Text.Json;
using System.Text.Json.Nodes;

namespace Payments.Sandbox.Control;

/// <summary>
/// Switches some of a provider's faults and leaves the others as they are: a JSON object naming faults by their
/// property names (any case); a null value switches a fault off: <c>false</c> for a yes/no fault (so notifications off
/// means none), its default for the others.
/// </summary>
public static class FaultSwitches
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The faults after <paramref name="changes"/>, or the bad fields (nothing switched).</summary>
    public static (T? Faults, Dictionary<string, string[]> Errors) Switch<T>(T current, JsonElement changes)
        where T : class, new()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (changes.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["must be a JSON object naming faults"];
            return (null, errors);
        }

        var defaults = JsonSerializer.SerializeToNode(new T(), Web)!.AsObject();
        var merged = JsonSerializer.SerializeToNode(current, Web)!.AsObject();
        foreach (var change in changes.EnumerateObject())
        {
            var name = defaults
                .Select(p => p.Key)
                .FirstOrDefault(k => string.Equals(k, change.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors[change.Name] =
                [
                    $"is no fault; the faults are: {string.Join(", ", defaults.Select(p => p.Key))}",
                ];
                continue;
            }

            var trial = merged.DeepClone().AsObject();
            trial[name] =
                change.Value.ValueKind == JsonValueKind.Null
                    ? Off(defaults[name])
                    : JsonNode.Parse(change.Value.GetRawText());
            try
            {
                _ = trial.Deserialize<T>(Web);
                merged = trial;
            }
            catch (JsonException)
            {
                errors[name] = [$"cannot be {change.Value.GetRawText()} (default: {defaults[name]?.ToJsonString()})"];
            }
        }

        return errors.Count > 0 ? (null, errors) : (merged.Deserialize<T>(Web), errors);
    }

    private static JsonNode? Off(JsonNode? byDefault) =>
        byDefault?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? JsonValue.Create(false)
            : byDefault?.DeepClone();
}
