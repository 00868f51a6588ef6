using System.Text.Json;

namespace Payments.Core.HuaweiPin;

/// <summary>Reads a GetFrame reply: JSON without a property name repeated in one object, or no usable answer.</summary>
public static class HuaweiPinReply
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <returns>The reply's root, or null when it is not JSON or repeats a property.</returns>
    public static JsonElement? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, ReadOptions);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
