using System.Globalization;
using System.Text.RegularExpressions;

namespace Payments.Core.Text;

/// <summary>
/// Text a provider wrote, or text built from it (an error message, a refusal, a status we do not know): untrusted, it
/// may echo a card number or a secret. The only way to make one redacts every run of 13–19 digits (plain, or grouped
/// by spaces or dashes) that passes the Luhn check down to its last four digits, and every secret value the service
/// holds (<see cref="SecretRedaction"/>); a card code or expiry it names (<c>CVV 123</c>, <c>11/31</c>) is masked too,
/// and the text is cut at <see cref="MaxLength"/> characters. Only this type reaches <c>lastError</c>, problem
/// details, logs, audit rows and webhooks, so a new path cannot forget the rule.
/// </summary>
public sealed partial class ProviderText : IEquatable<ProviderText>
{
    /// <summary>Stands in for a card number; only the last four digits survive.</summary>
    public const string CardMask = "[card ****{0}]";

    private static readonly System.Text.CompositeFormat CardMaskFormat = System.Text.CompositeFormat.Parse(CardMask);

    /// <summary>Stands in for a secret value.</summary>
    public const string SecretMask = "[redacted]";

    /// <summary>
    /// The longest text kept: a provider's message longer than this is cut (and marked), so it always fits a stored
    /// property and a log line.
    /// </summary>
    public const int MaxLength = 1024;

    private const string Cut = "…[cut]";

    private ProviderText(string value) => Value = value;

    /// <summary>The redacted text.</summary>
    public string Value { get; }

    /// <summary>The text with card numbers and secrets redacted; null for null.</summary>
    public static ProviderText? From(string? raw) => raw is null ? null : new ProviderText(Redact(raw));

    /// <summary>The text with card numbers and secrets redacted (never null).</summary>
    public static ProviderText Of(string raw) => new(Redact(raw ?? string.Empty));

    /// <summary>
    /// The text of an answer to one request, with that request's own secrets (its CVV, its card's expiry as a gateway
    /// writes it) redacted too, as well as card numbers and the service's secrets.
    /// </summary>
    public static ProviderText Of(string raw, IEnumerable<string> requestSecrets)
    {
        ArgumentNullException.ThrowIfNull(requestSecrets);
        return new(Redact(raw ?? string.Empty, requestSecrets));
    }

    /// <summary>Redacts card numbers that pass Luhn and every registered secret value.</summary>
    public static string Redact(string raw) => Redact(raw, null);

    private static string Redact(string raw, IEnumerable<string>? requestSecrets)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = SecretRedaction.Apply(raw, requestSecrets);
        text = DigitRun().Replace(text, match => RedactRun(match.Value));
        text = CardCode().Replace(text, "$1$2***");
        text = ExpiryWord().Replace(text, "$1$2****");
        text = ExpiryDate().Replace(text, "**/**");
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - Cut.Length), Cut);
    }

    /// <summary>
    /// A run of digit groups joined by short separators (spaces, dashes, dots, slashes…). Any 13–19 consecutive digits
    /// of the run that pass Luhn are a card number, whatever stands beside them (an expiry glued after it, a reference
    /// code before it); the longest from each position is masked, from its first digit to its last.
    /// </summary>
    private static string RedactRun(string run)
    {
        var positions = new List<int>(run.Length);
        for (var i = 0; i < run.Length; i++)
        {
            if (char.IsAsciiDigit(run[i]))
            {
                positions.Add(i);
            }
        }

        var digits = string.Concat(positions.Select(i => run[i]));
        var builder = new System.Text.StringBuilder();
        var written = 0;
        for (var first = 0; first + 13 <= digits.Length; )
        {
            var length = LongestCard(digits, first);
            if (length == 0)
            {
                first++;
                continue;
            }

            var start = positions[first];
            var end = positions[first + length - 1] + 1;
            builder
                .Append(run, written, start - written)
                .Append(
                    string.Format(CultureInfo.InvariantCulture, CardMaskFormat, digits.Substring(first + length - 4, 4))
                );
            written = end;
            first += length;
        }

        return builder.Append(run, written, run.Length - written).ToString();
    }

    /// <summary>
    /// The length of the longest card number (13–19 digits passing Luhn) at <paramref name="first"/>; 0 when none.
    /// </summary>
    private static int LongestCard(string digits, int first)
    {
        for (var length = Math.Min(19, digits.Length - first); length >= 13; length--)
        {
            if (PassesLuhn(digits.Substring(first, length)))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>Whether the digits pass the Luhn check (as every payment card number does).</summary>
    public static bool PassesLuhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    public override string ToString() => Value;

    /// <summary>The redacted text (reading it out is always safe; only the way in redacts).</summary>
    public static implicit operator string?(ProviderText? text) => text?.Value;

    public bool Equals(ProviderText? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ProviderText);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public static bool operator ==(ProviderText? left, ProviderText? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(ProviderText? left, ProviderText? right) => !(left == right);

    /// <summary>
    /// Digit groups joined by at most four characters that are neither letters, digits nor line breaks.
    /// </summary>
    [GeneratedRegex(
        @"[0-9]+(?:[^0-9A-Za-z\r\n]{1,4}[0-9]+)*",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000
    )]
    private static partial Regex DigitRun();

    /// <summary>
    /// A card security code named as such: <c>CVV 123</c>, <c>cvc2: 1234</c>, <c>security code 123</c>.
    /// </summary>
    [GeneratedRegex(
        @"\b(cvv2?|cvc2?|cvn2?|csc|cid|security\s+code)([^0-9A-Za-z\r\n]{0,4})[0-9]{3,4}\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        matchTimeoutMilliseconds: 1000
    )]
    private static partial Regex CardCode();

    /// <summary>An expiry named as such with its digits: <c>expiry 1131</c>, <c>exp: 11/2031</c>.</summary>
    [GeneratedRegex(
        @"\b(exp(?:iry|iration)?(?:\s+date)?)([^0-9A-Za-z\r\n]{0,4})[0-9]{2,4}(?:[/-][0-9]{2,4})?\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        matchTimeoutMilliseconds: 1000
    )]
    private static partial Regex ExpiryWord();

    /// <summary>A month and year as a card expiry is written: <c>11/31</c>, <c>11-2031</c>, <c>1/31</c>.</summary>
    [GeneratedRegex(
        @"(?<![0-9/.-])(0?[1-9]|1[0-2])\s?[/-]\s?([0-9]{2}|20[0-9]{2})(?![0-9/.-])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000
    )]
    private static partial Regex ExpiryDate();
}
