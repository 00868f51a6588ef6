using System.Text.RegularExpressions;

namespace Payments.Core.Text;

/// <summary>
/// Text a provider wrote, or text built from it (an error message, a refusal, a status we do not know): untrusted, it
/// may echo a card number or a secret. The only way to make one redacts every run of 13–19 digits (plain, or grouped
/// by spaces or dashes) that passes the Luhn check down to its last four digits, and every secret value the service
/// holds (<see cref="SecretRedaction"/>). Only this type reaches <c>lastError</c>, problem details, logs, audit rows and
/// webhooks, so a new path cannot forget the rule.
/// </summary>
public sealed partial class ProviderText : IEquatable<ProviderText>
{
    /// <summary>Stands in for a card number; only the last four digits survive.</summary>
    public const string CardMask = "[card ****{0}]";

    private static readonly System.Text.CompositeFormat CardMaskFormat = System.Text.CompositeFormat.Parse(CardMask);

    /// <summary>Stands in for a secret value.</summary>
    public const string SecretMask = "[redacted]";

    private ProviderText(string value) => Value = value;

    /// <summary>The redacted text.</summary>
    public string Value { get; }

    /// <summary>The text with card numbers and secrets redacted; null for null.</summary>
    public static ProviderText? From(string? raw) => raw is null ? null : new ProviderText(Redact(raw));

    /// <summary>The text with card numbers and secrets redacted (never null).</summary>
    public static ProviderText Of(string raw) => new(Redact(raw ?? string.Empty));

    /// <summary>Redacts card numbers that pass Luhn and every registered secret value.</summary>
    public static string Redact(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = SecretRedaction.Apply(raw);
        return DigitRun().Replace(text, match =>
        {
            var digits = new string(match.Value.Where(char.IsAsciiDigit).ToArray());
            return digits.Length is >= 13 and <= 19 && PassesLuhn(digits)
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, CardMaskFormat, digits[^4..])
                : match.Value;
        });
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

    public bool Equals(ProviderText? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ProviderText);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public static bool operator ==(ProviderText? left, ProviderText? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(ProviderText? left, ProviderText? right) => !(left == right);

    /// <summary>A run of digits, each pair joined by nothing, one space or one dash; whole runs only.</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ \-]?[0-9])+(?![0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DigitRun();
}
