using System.ComponentModel.DataAnnotations;

namespace Payments.Http.RateLimiting;

/// <summary>The per-client-address limit on the anonymous provider endpoints (<c>RateLimiting</c> section).</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>
    /// Requests one address may make to one anonymous endpoint per <see cref="Window"/>. Default 600.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 600;

    /// <summary>The fixed window the permits are counted in. Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Headers a client can write entries into (proxies append to them): never a client address to key on.
    /// </summary>
    public static readonly IReadOnlySet<string> AppendedHeaders = new HashSet<string>(
        ["X-Forwarded-For", "Forwarded", "X-Original-For"],
        StringComparer.OrdinalIgnoreCase
    );

    /// <summary>
    /// A header that the edge in front of the app SETS (overwriting whatever the client sent) to the client's address,
    /// e.g. <c>X-Azure-ClientIP</c> behind Azure Front Door; its whole value is the key. Empty (default): the
    /// connection's remote address, which is the client's on a host reached directly and, on Azure Functions, the one
    /// the worker's forwarded-headers middleware took from the entry the platform appended to <c>X-Forwarded-For</c>.
    /// A header proxies append to (<see cref="AppendedHeaders"/>) is refused on start: a client could choose its
    /// entries.
    /// </summary>
    public string ClientAddressHeader { get; set; } = string.Empty;
}
