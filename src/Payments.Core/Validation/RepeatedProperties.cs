using System.Text.Json;

namespace Payments.Core.Validation;

/// <summary>
/// Every body we parse refuses a property name repeated in one object (<c>AllowDuplicateProperties = false</c>):
/// otherwise one reader may take the first copy and another the last, and what a signature or hash covered would
/// not be what is applied. This names the repeated properties of a body that was refused for that.
/// </summary>
public static class RepeatedProperties
{
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 16, AllowDuplicateProperties = true };

    /// <returns>The names repeated within one object anywhere in <paramref name="json"/>; empty when there are none or
    /// it is not JSON.</returns>
    public static IReadOnlyList<string> In(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Lenient);
            var repeated = new SortedSet<string>(StringComparer.Ordinal);
            Collect(document.RootElement, repeated);
            return [.. repeated];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Collect(JsonElement element, ISet<string> repeated)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, repeated);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    repeated.Add(property.Name);
                }

                Collect(property.Value, repeated);
            }
        }
    }
}
