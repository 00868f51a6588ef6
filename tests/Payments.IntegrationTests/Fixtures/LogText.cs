using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// Log records as text for secret and card scans: level, category, formatted message, every structured state value,
/// every scope active when the record was written (its values and its text) and the exception.
/// </summary>
public static class LogText
{
    /// <summary>Every record collected so far, one text each, level first.</summary>
    public static IReadOnlyList<string> Lines(this FakeLogCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        return [.. collector.GetSnapshot().Select(Text)];
    }

    /// <summary>One record as text.</summary>
    public static string Text(this FakeLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder().Append(
            CultureInfo.InvariantCulture,
            $"{record.Level} {record.Category} {record.Message}"
        );
        foreach (var (key, value) in record.StructuredState ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $" {key}={value}");
        }

        foreach (var scope in record.Scopes)
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {key}={value}");
                }
            }

            text.Append(CultureInfo.InvariantCulture, $" {scope}");
        }

        return text.Append(CultureInfo.InvariantCulture, $" {record.Exception}").ToString();
    }
}
