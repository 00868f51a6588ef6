using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Http.RateLimiting;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>The <see cref="AnonymousRateLimiter"/> policy and its options, for either host.</summary>
    public static IServiceCollection AddAnonymousRateLimiter(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services
            .AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(
                o => !RateLimitingOptions.AppendedHeaders.Contains(o.ClientAddressHeader.Trim()),
                "RateLimiting:ClientAddressHeader must be a header the edge overwrites, not one clients can add "
                    + "entries to (X-Forwarded-For, Forwarded): leave it empty on Azure Functions."
            )
            .ValidateOnStart();
        services.AddSingleton<AnonymousRateLimiter>();
        return services;
    }

    /// <summary>
    /// The policy as ASP.NET Core's global rate limiter (the Server; <c>UseRateLimiter</c> runs it after routing, so it
    /// sees the endpoint's name), rejecting with the same 429 problem+json.
    /// </summary>
    public static IServiceCollection AddAnonymousRateLimiting(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services.AddAnonymousRateLimiter(configuration);
        services.AddRateLimiter(_ => { });
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<AnonymousRateLimiter>(
                (options, limiter) =>
                {
                    options.GlobalLimiter = limiter.Limiter;
                    options.OnRejected = (context, cancellationToken) =>
                        limiter.RejectAsync(context.HttpContext, context.Lease, cancellationToken);
                }
            );
        return services;
    }
}
