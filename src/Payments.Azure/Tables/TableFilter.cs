using System.Globalization;

namespace Payments.Azure.Tables;

/// <summary>
/// Builds OData filters with every interpolated value quoted and escaped, so a value can never change the
/// query's shape: <c>TableFilter.Create($"PartitionKey eq {pk} and RowKey lt {rk}")</c>.
/// </summary>
public static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>The OData literal for a value: strings single-quoted with quotes doubled.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => $"{l.ToString(CultureInfo.InvariantCulture)}L",
        DateTimeOffset d => $"datetime'{d.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'",
        _ => throw new ArgumentException($"Values of type {value.GetType().Name} cannot be used in a table filter.", nameof(value)),
    };
}
