using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Payments.Http.Security;

public static class OperatorAccessServiceCollectionExtensions
{
    /// <summary>
    /// Operator access on both hosts: the mode (<c>Operators:Authentication</c>), operator keys (read in
    /// <see cref="OperatorAuthenticationMode.Keys"/> mode), the platform's authentication (replaceable in tests) and
    /// the one <see cref="OperatorAuthentication"/> every operator route goes through.
    /// </summary>
    public static IServiceCollection AddOperatorAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<OperatorsOptions>()
            .Bind(configuration.GetSection(OperatorsOptions.Section))
            .Validate(
                o => Enum.IsDefined(o.Authentication),
                $"{OperatorsOptions.Section}:Authentication must be Keys or EntraId."
            )
            .ValidateOnStart();
        services
            .AddOptions<OperatorKeyOptions>()
            .Bind(configuration.GetSection(OperatorKeyOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorKeyOptions>, OperatorKeyOptionsValidator>();
        services.TryAddSingleton<IPlatformAuthentication, AppServiceAuthentication>();
        services.AddSingleton<OperatorAuthentication>();
        services.AddSingleton<OperatorAccessFilter>();
        return services;
    }
}
