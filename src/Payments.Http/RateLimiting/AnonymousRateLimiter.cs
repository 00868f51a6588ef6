using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payments.Http.Endpoints;
using Payments.Http.Problems;
using Payments.Http.Telemetry;

namespace Payments.Http.RateLimiting;

/// <summary>
/// The one rate-limit policy both hosts apply: a fixed window per (anonymous provider endpoint, client address); the
/// Server runs it as ASP.NET Core's global limiter, the Functions worker in its middleware. Health is not limited
/// (load balancers probe it). A rejected request is a 429 problem+json with <c>Retry-After</c>, before any handler
/// runs.
/// </summary>
public sealed class AnonymousRateLimiter : IDisposable
{
    /// <summary>
    /// Where a host without endpoint routing (the Functions worker) puts the function's name for <see cref="Limiter"/>.
    /// </summary>
    public const string FunctionNameKey = "Payments.RateLimiting.FunctionName";

    /// <summary>The routes limited: every anonymous one except health.</summary>
    public static readonly IReadOnlySet<string> LimitedRoutes = ApiRoutes
        .All.Where(r => r.Access == AccessLevel.Anonymous && r != ApiRoutes.Health)
        .Select(r => r.Name)
        .ToHashSet(StringComparer.Ordinal);

    private readonly RateLimitingOptions options;
    private readonly PaymentsTelemetry telemetry;

    public AnonymousRateLimiter(IOptions<RateLimitingOptions> options, PaymentsTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(telemetry);
        this.options = options.Value;
        this.telemetry = telemetry;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
    }

    /// <summary>
    /// Partitions every request by route name and client address; requests to other routes are not limited.
    /// </summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>Takes a permit for the request; false (and the 429 written) when the address has none left.</summary>
    public async ValueTask<bool> TryAcquireAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var lease = Limiter.AttemptAcquire(httpContext);
        if (lease.IsAcquired)
        {
            return true;
        }

        await RejectAsync(httpContext, lease, cancellationToken);
        return false;
    }

    /// <summary>
    /// Writes the 429 problem+json with <c>Retry-After</c> (whole seconds, at least one), counted in
    /// <c>payments.ratelimit.rejections</c>.
    /// </summary>
    public async ValueTask RejectAsync(
        HttpContext httpContext,
        RateLimitLease lease,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(lease);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        telemetry.RateLimited(
            httpContext.Items.ContainsKey(FunctionNameKey) ? "functions" : "server",
            RouteName(httpContext) ?? string.Empty
        );
        httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblem
            .Of(
                ProblemCodes.RateLimited,
                "Too many requests",
                $"At most {options.PermitLimit} requests per {options.Window} from one address to this "
                    + $"endpoint; nothing was recorded. Retry after {seconds} s."
            )
            .ExecuteAsync(httpContext);
    }

    public void Dispose() => Limiter.Dispose();

    private RateLimitPartition<string> Partition(HttpContext httpContext)
    {
        var route = RouteName(httpContext);
        if (route is null || !LimitedRoutes.Contains(route))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            $"{route}|{ClientAddress(httpContext)}",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }
        );
    }

    /// <summary>The endpoint's name (the Server's routing) or the function's (the Functions worker sets it).</summary>
    private static string? RouteName(HttpContext httpContext) =>
        httpContext.Items.TryGetValue(FunctionNameKey, out var name)
            ? name as string
            : httpContext
                .GetEndpoint()
                ?.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()
                ?.EndpointName;

    /// <summary>
    /// The header the edge sets (whole value), else the connection's remote address, keyed by
    /// <see cref="ClientAddressKey"/>: on Azure Functions the worker's forwarded-headers middleware has already put the
    /// address the platform appended there, and left in
    /// <c>X-Forwarded-For</c> only what the client itself sent.
    /// </summary>
    private string ClientAddress(HttpContext httpContext) =>
        ClientAddressKey.Of(
            options.ClientAddressHeader.Length > 0
            && httpContext.Request.Headers[options.ClientAddressHeader].ToString().Trim() is { Length: > 0 } header
                ? header
                : httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"
        );
}
