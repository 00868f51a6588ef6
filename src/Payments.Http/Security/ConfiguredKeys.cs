using System.Diagnostics.CodeAnalysis;

namespace Payments.Http.Security;

/// <summary>
/// The start-up rules every configured key list follows (function keys, operator keys): no blank entry, each at
/// least a minimum length. Failures name the setting and the entry's position, never a value.
/// </summary>
public static class ConfiguredKeys
{
    public static IEnumerable<string> Failures(string setting, IEnumerable<string?> keys, int minLength)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var i = 0;
        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                yield return $"{setting}:{i} is blank; remove the entry or set a key.";
            }
            else if (key.Length < minLength || key.Trim().Length != key.Length)
            {
                yield return $"{setting}:{i} must be at least {minLength} characters, "
                    + "without leading or trailing space.";
            }

            i++;
        }
    }

    /// <summary>A presented key worth comparing: an absent or empty one is refused before any comparison.</summary>
    public static bool IsPresented([NotNullWhen(true)] string? presented) => !string.IsNullOrEmpty(presented);
}
