using System.Globalization;

namespace Payments.Http.Contracts;

/// <summary>
/// Amounts in answers and webhook payloads: decimal text (<c>"12.50"</c>), never a JSON number, so no client reads
/// money through a binary floating point.
/// </summary>
public static class DecimalText
{
    /// <summary>The pattern every amount in an answer matches.</summary>
    public const string Pattern = @"^-?(?:0|[1-9]\d*)(?:\.\d+)?$";

    public static string? Of(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture);
}
