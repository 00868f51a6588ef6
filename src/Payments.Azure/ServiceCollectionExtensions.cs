using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Azure.Audit;
using Payments.Azure.Orders;
using Payments.Azure.Secrets;
using Payments.Azure.Tables;
using Payments.Core.Audit;
using Payments.Core.Orders;
using Payments.Core.Secrets;

namespace Payments.Azure;

public static class ServiceCollectionExtensions
{
    /// <summary>Table Storage (Shared Key locally, managed identity in Azure) and the order store.</summary>
    public static IServiceCollection AddPaymentsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new TableClientOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() };
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(StorageConnection.ForEntraId(options.TableServiceUri!), new DefaultAzureCredential(), clientOptions)
                : new TableServiceClient(StorageConnection.Parse(options.ConnectionString), null, clientOptions);
        });
        services.AddSingleton(sp => new PaymentTables(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        services.AddSingleton<IOrderRepository, TableOrderRepository>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<ISecretStore, ConfigurationSecretStore>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddSingleton<StorageHealth>();
        return services;
    }
}
