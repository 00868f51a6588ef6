using System.Collections.Concurrent;

namespace Payments.Core.Text;

/// <summary>
/// Every secret value the process has read (provider keys, callback keys, signing secrets), so that
/// <see cref="ProviderText"/> can take them out of anything a provider sends back. The secret stores register each
/// value they hand out; values shorter than <see cref="MinimumLength"/> are not registered (they would redact ordinary
/// words).
/// </summary>
public static class SecretRedaction
{
    /// <summary>Shortest value worth redacting.</summary>
    public const int MinimumLength = 8;

    private static readonly ConcurrentDictionary<string, byte> Values = new(StringComparer.Ordinal);

    /// <summary>Remembers a secret value so that provider text never carries it.</summary>
    public static void Register(string? value)
    {
        if (value is { Length: >= MinimumLength } && !string.IsNullOrWhiteSpace(value))
        {
            Values.TryAdd(value, 0);
        }
    }

    /// <summary>
    /// The text with every registered secret value, and every one of <paramref name="alsoSecret"/> (a request's own CVV
    /// and expiry; at least 3 characters, matched in any letter case), replaced by
    /// <see cref="ProviderText.SecretMask"/>.
    /// </summary>
    public static string Apply(string text, IEnumerable<string>? alsoSecret = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in (alsoSecret ?? []).Where(s => s.Length >= 3).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, ProviderText.SecretMask, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var secret in Values.Keys)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, ProviderText.SecretMask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
