using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Payments.Core.Validation;

/// <summary>Rules shared by every merchant-facing request.</summary>
public static class FieldRules
{
    /// <summary>Longest merchant order id we accept (HaiPay allows 48; HUAWEIPIN publishes no limit).</summary>
    public const int MaxOrderIdLength = 48;

    /// <summary>
    /// Without a merchant-chosen id a retry of the same request could not be told from a new one, so every create
    /// names its order: in the body, or through an <c>Idempotency-Key</c> the id is derived from.
    /// </summary>
    public const string OrderIdRequired =
        "is required (or send an Idempotency-Key header, from which the id is derived)";

    /// <summary>
    /// Order ids travel in URL paths and provider requests, so control characters and <c>/ \ # ?</c> are
    /// refused; quotes, spaces, '%' and other Unicode are accepted (storage encodes them).
    /// </summary>
    public static string? OrderId(string? value) =>
        value switch
        {
            null or "" => "is required",
            { Length: > MaxOrderIdLength } => $"must be at most {MaxOrderIdLength} characters",
            _ when value.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?') =>
                "must not contain control characters or / \\ # ?",
            _ when value.Trim().Length != value.Length => "must not start or end with white space",
            _ => null,
        };

    /// <summary>
    /// An id the merchant chooses (order, subscription, refund): <see cref="OrderId"/>'s rules and no <c>~</c>, which
    /// joins a subscription's id and HaiPay's charge number into a charge's id (<c>{subscription}~{orderNo}</c>), so a
    /// merchant id could otherwise take the id of a charge still to come.
    /// </summary>
    public static string? MerchantId(string? value) =>
        OrderId(value) ?? (value!.Contains('~', StringComparison.Ordinal) ? "must not contain ~" : null);

    /// <summary>
    /// Whether all of <paramref name="value"/> matches a declared pattern the way the OpenAPI document's pattern reads
    /// (ECMA-262: <c>\d</c> is 0-9 only), built with <see cref="RegexOptions.ECMAScript"/>: the match must be the whole
    /// value, because .NET's <c>$</c> also matches before a final line feed.
    /// </summary>
    public static bool MatchesWhole(Regex pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        var match = pattern.Match(value);
        return match.Success && match.Index == 0 && match.Length == value.Length;
    }

    /// <summary>What a whole number without a declared range must be.</summary>
    public const string WholeNumberRule = "must be a whole number";

    /// <summary>
    /// What a whole number from <paramref name="min"/> to <paramref name="max"/> must be (the reader's and the
    /// validators' message).
    /// </summary>
    public static string WholeNumber(int min, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}");

    public static string? Text(string? value, int maxLength) =>
        value switch
        {
            null => "is required",
            _ when string.IsNullOrWhiteSpace(value) => "must not be empty",
            { Length: var n } when n > maxLength => $"must be at most {maxLength} characters",
            _ when value.Any(char.IsControl) => "must not contain control characters",
            _ => null,
        };

    /// <summary>
    /// Free text a person types that is stored (an operator's name or note): <see cref="Text"/>'s rules, and no card
    /// number (<see cref="CardRules.ContainsCardNumber"/>), which must never be stored. The message never repeats the
    /// value.
    /// </summary>
    public static string? FreeText(string? value, int maxLength) =>
        Text(value, maxLength)
        ?? (
            CardRules.ContainsCardNumber(value!)
                ? "must not contain a card number (13 to 19 digits passing the Luhn check, also in groups split by "
                    + "spaces "
                    + "or dashes); leave it out"
                : null
        );

    /// <summary>Longest URL we accept.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>An absolute http(s) URL of at most <see cref="MaxUrlLength"/> characters.</summary>
    public static string? HttpUrl(string? value) =>
        value switch
        {
            null or "" => "is required",
            { Length: > MaxUrlLength } => $"must be at most {MaxUrlLength} characters",
            _ when Uri.TryCreate(value, UriKind.Absolute, out var url)
                    && url.Scheme is "https" or "http"
                    && !string.IsNullOrEmpty(url.Host) => null,
            _ => "must be an absolute http or https URL",
        };

    /// <summary>A literal IPv4 address in dotted-quad form, or an IPv6 address.</summary>
    public static string? IpAddress(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (!System.Net.IPAddress.TryParse(value, out var address))
        {
            return "must be an IPv4 or IPv6 address";
        }

        var dottedQuad = address.AddressFamily == AddressFamily.InterNetwork && value.Split('.').Length == 4;
        return dottedQuad || address.AddressFamily == AddressFamily.InterNetworkV6
            ? null
            : "must be an IPv4 or IPv6 address";
    }
}
