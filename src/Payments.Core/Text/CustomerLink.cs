namespace Payments.Core.Text;

/// <summary>
/// A page a customer is sent to or shown in a frame (HaiPay's <c>payUrl</c>, HUAWEIPIN's <c>iframeUrl</c>): written
/// by a provider, so untrusted until checked. The only ways to make one accept an absolute <c>https://</c> link with a
/// host, no user information and no whitespace or control characters (<c>http://</c> only where
/// <see cref="CustomerLinkOptions.AllowHttp"/> says so); anything else (<c>javascript:</c>, <c>data:</c>, a relative
/// or protocol-relative path) is no usable link, so a new path cannot hand a merchant a link nobody checked.
/// </summary>
public sealed class CustomerLink : IEquatable<CustomerLink>
{
    private CustomerLink(string value) => Value = value;

    /// <summary>The link exactly as the provider wrote it (it passed the rule as written).</summary>
    public string Value { get; }

    /// <summary>
    /// The link, or null when <paramref name="raw"/> is no usable link under <paramref name="rules"/>.
    /// </summary>
    public static CustomerLink? From(string? raw, CustomerLinkOptions rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Usable(raw, rules.AllowHttp) ? new CustomerLink(raw!) : null;
    }

    /// <summary>
    /// A link read back from storage: it passed <see cref="From"/> when written, under the settings of that time, so
    /// http is accepted here; everything else the rule refuses is still refused (a row written before the rule
    /// existed).
    /// </summary>
    public static CustomerLink? Restore(string? stored) =>
        Usable(stored, allowHttp: true) ? new CustomerLink(stored!) : null;

    private static bool Usable(string? raw, bool allowHttp)
    {
        if (string.IsNullOrEmpty(raw) || raw.Length > 2048 || !raw.All(IsLinkCharacter))
        {
            return false;
        }

        var secure = raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var plain = allowHttp && raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        return (secure || plain)
            && Uri.TryCreate(raw, UriKind.Absolute, out var uri)
            && uri.Scheme == (secure ? Uri.UriSchemeHttps : Uri.UriSchemeHttp)
            && uri.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
            && uri.Host.Length > 0
            && uri.UserInfo.Length == 0;
    }

    /// <summary>
    /// The characters RFC 3986 lets stand unescaped in a link, less the apostrophe: letters and digits of ASCII and
    /// <c>-._~:/?#[]@!$&amp;()*+,;=%</c>. Quotes, angle brackets, backticks, backslashes, spaces, controls and every
    /// non-ASCII character (bidi overrides included) can only break out of an attribute or disguise the host.
    /// </summary>
    private static bool IsLinkCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&()*+,;=%".Contains(c);

    public override string ToString() => Value;

    /// <summary>The link's text (reading it out is always safe; only the way in checks).</summary>
    public static implicit operator string?(CustomerLink? link) => link?.Value;

    public bool Equals(CustomerLink? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as CustomerLink);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public static bool operator ==(CustomerLink? left, CustomerLink? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(CustomerLink? left, CustomerLink? right) => !(left == right);
}
