using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Reconciliation;

namespace Payments.Http.Reconciliation;

public static class HuaweiPinImportServiceCollectionExtensions
{
    /// <summary>The HUAWEIPIN export import: its settings (checked on start), reader, use case and endpoint.</summary>
    public static IServiceCollection AddHuaweiPinImport(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<HuaweiPinImportOptions>()
            .Bind(configuration.GetSection(HuaweiPinImportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<HuaweiPinExportReader>();
        services.AddTransient<HuaweiPinImport>();
        services.AddTransient<HuaweiPinImportEndpoint>();
        return services;
    }
}
