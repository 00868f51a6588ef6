using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Payments.Core.HaiPay;

/// <summary>
/// HaiPay's phone formats (national form: leading digits and length) per country; other countries get a generic check.
/// </summary>
public static partial class PhoneFormats
{
    private static readonly FrozenDictionary<string, Regex> ByCountry = new Dictionary<string, Regex>(
        StringComparer.OrdinalIgnoreCase
    )
    {
        ["TW"] = Rx(@"09\d{8}"),
        ["KR"] = Rx(@"01\d{8}"),
        ["BE"] = Rx(@"04\d{8}"),
        ["AT"] = Rx(@"06\d{7}"),
        ["DE"] = Rx(@"01\d{9}"),
        ["PL"] = Rx(@"[5-9]\d{8}"),
        ["ID"] = Rx(@"08\d{8}"),
        ["PH"] = Rx(@"09\d{9}"),
        ["SG"] = Rx(@"[89]\d{7}"),
        ["VN"] = Rx(@"09\d{8}"),
        ["TH"] = Rx(@"08\d{8}"),
        ["MY"] = Rx(@"01\d{8}"),
        ["BR"] = Rx(@"9\d{10}"),
        ["RU"] = Rx(@"9\d{9}"),
        ["JP"] = Rx(@"0\d{10}"),
        ["EG"] = Rx(@"01\d{9}"),
        ["BD"] = Rx(@"01[3-9]\d{8}"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Null when <paramref name="phone"/> fits <paramref name="country"/>'s format (or 6–15 digits when the country has
    /// none).
    /// </summary>
    public static string? Check(string phone, string? country)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (country is not null && ByCountry.TryGetValue(country, out var format))
        {
            return format.IsMatch(phone)
                ? null
                : $"does not match HaiPay's national format for {country.ToUpperInvariant()}";
        }

        return Generic().IsMatch(phone) ? null : "must be 6 to 15 digits";
    }

    private static Regex Rx(string pattern) =>
        new($"^{pattern}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    [GeneratedRegex(@"^\d{6,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex Generic();
}
