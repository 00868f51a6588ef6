using System.ComponentModel.DataAnnotations;

namespace Payments.Http.RateLimiting;

/// <summary>The per-client-address limit on the anonymous provider endpoints (<c>RateLimiting</c> section).</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests one address may make to one anonymous endpoint per <see cref="Window"/>. Default 600.</summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 600;

    /// <summary>The fixed window the permits are counted in. Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A header holding the client address that the platform's front end appends (its last entry is used, e.g.
    /// <c>X-Forwarded-For</c> on Azure Functions, where the connection is the Functions host's). Empty (default): the
    /// connection's remote address, for a host that clients reach directly.
    /// </summary>
    public string ClientAddressHeader { get; set; } = string.Empty;
}
