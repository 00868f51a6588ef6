namespace Payments.Core.Validation;

/// <summary>Card field rules. Messages never contain the value.</summary>
public static class CardRules
{
    /// <summary>
    /// Spaces or dashes that may stand between the digit groups of a card number written in free text.
    /// </summary>
    private const int MaxSeparators = 3;

    public static string? Number(string? value) =>
        value switch
        {
            null or "" => "is required",
            _ when !value.All(char.IsAsciiDigit) => "must contain digits only",
            { Length: < 12 or > 19 } => "must be 12 to 19 digits",
            _ when !PassesLuhn(value) => "is not a valid card number (Luhn check)",
            _ => null,
        };

    /// <summary>Month <c>01</c>–<c>12</c>; the card must not have expired before the current month (UTC).</summary>
    public static (string? Month, string? Year) Expiry(string? month, string? year, DateTimeOffset now)
    {
        var monthError = month switch
        {
            null or "" => "is required",
            { Length: 2 }
                when month.All(char.IsAsciiDigit)
                    && int.Parse(month, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12 => null,
            _ => "must be two digits, 01 to 12",
        };
        var yearError = year switch
        {
            null or "" => "is required",
            { Length: 4 }
                when year.All(char.IsAsciiDigit)
                    && int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) <= now.Year + 25 => null,
            _ => "must be a four-digit year at most 25 years ahead",
        };
        if (monthError is null && yearError is null)
        {
            var expiry =
                (int.Parse(year!, System.Globalization.CultureInfo.InvariantCulture) * 12)
                + int.Parse(month!, System.Globalization.CultureInfo.InvariantCulture);
            if (expiry < (now.UtcDateTime.Year * 12) + now.UtcDateTime.Month)
            {
                yearError = "the card has expired";
            }
        }

        return (monthError, yearError);
    }

    public static string? Cvv(string? value) =>
        value switch
        {
            null or "" => "is required",
            { Length: 3 or 4 } when value.All(char.IsAsciiDigit) => null,
            _ => "must be 3 or 4 digits",
        };

    /// <summary>
    /// Whether free text (an operator's note) holds what looks like a card number: 13 to 19 digits passing the Luhn
    /// check, written together or in groups joined by up to three spaces or dashes (<c>4111 1111 1111 1111</c>,
    /// <c>4111-1111-...</c>). Every run of consecutive groups is tried, so a number followed by a CVV or expiry in the
    /// same run is still found; a single unbroken run longer than 19 digits is a reference, not a card number.
    /// </summary>
    public static bool ContainsCardNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            groups.Clear();
            while (true)
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                groups.Add(text[start..i]);
                var gap = i;
                while (gap < text.Length && gap - i < MaxSeparators && text[gap] is ' ' or '-')
                {
                    gap++;
                }

                if (gap == i || gap >= text.Length || !char.IsAsciiDigit(text[gap]))
                {
                    break;
                }

                i = gap;
            }

            if (AnySpanIsACardNumber(groups))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnySpanIsACardNumber(List<string> groups)
    {
        for (var first = 0; first < groups.Count; first++)
        {
            var digits = string.Empty;
            for (var last = first; last < groups.Count && digits.Length + groups[last].Length <= 19; last++)
            {
                digits += groups[last];
                if (digits.Length >= 13 && PassesLuhn(digits))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool PassesLuhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
