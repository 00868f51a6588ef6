using System.Globalization;
using System.Text.RegularExpressions;

namespace Payments.Core.HuaweiPin;

/// <summary>
/// Reads a verified callback's <c>amount</c> text in the configured unit (<see cref="HuaweiPinOptions.AmountUnit"/>),
/// only after the hash was checked over the exact text. Major: digits with at most two decimals (<c>10.50</c>); minor:
/// digits only (<c>1050</c> is 10.50, kept with two decimals). Anything else (<c>10,50</c>, <c>1.05e1</c>, <c> 10.50</c>, a sign) is
/// unreadable: a person decides.
/// </summary>
public static partial class HuaweiPinAmount
{
    public const string Major = "major";
    public const string Minor = "minor";

    /// <summary>The amount in major units; null when the text is not an amount in <paramref name="unit"/>.</summary>
    public static decimal? Read(string text, string? unit) =>
        unit switch
        {
            Major when MajorText().IsMatch(text) => decimal.Parse(
                text,
                NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture
            ),
            Minor when MinorText().IsMatch(text) => decimal.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
                * 0.01m,
            _ => null,
        };

    [GeneratedRegex(@"^[0-9]{1,12}(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex MajorText();

    [GeneratedRegex("^[0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex MinorText();
}
