using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Payments.Azure.Audit;
using Payments.Azure.Ledger;
using Payments.Azure.Operations;
using Payments.Azure.Orders;
using Payments.Azure.Reconciliation;
using Payments.Azure.Secrets;
using Payments.Azure.Tables;
using Payments.Azure.Webhooks;
using Payments.Core.Audit;
using Payments.Core.Ledger;
using Payments.Core.Operations;
using Payments.Core.Orders;
using Payments.Core.Reconciliation;
using Payments.Core.Secrets;
using Payments.Core.Telemetry;
using Payments.Core.Webhooks;

namespace Payments.Azure;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Table Storage through Azure.Data.Tables (connection string locally, managed identity in Azure) and the stores
    /// on it; the service's <see cref="IOrderRepository"/> is the order store behind
    /// <see cref="OutboxFirstOrderRepository"/>, so every order write schedules its event in the outbox first.
    /// </summary>
    public static IServiceCollection AddPaymentsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return StorageClient.Create(
                options,
                sp.GetRequiredService<TokenCredential>,
                StorageClient.Options(options.Timeout)
            );
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new PaymentTables(sp.GetRequiredService<TableServiceClient>(), options.TablePrefix, options.Timeout);
        });
        services.AddSingleton<TableOrderRepository>();
        services.AddSingleton<IWebhookOutbox, TableWebhookOutbox>();
        services.AddSingleton<IOrderRepository>(sp => new OutboxFirstOrderRepository(
            sp.GetRequiredService<TableOrderRepository>(),
            sp.GetRequiredService<IWebhookOutbox>(),
            sp.GetService<IWebhookBodyWriter>(),
            sp.GetRequiredService<ILedger>()
        ));
        services.AddSingleton<ILedger, TableLedger>();
        services.AddSingleton<LedgerBook>();
        services.AddSingleton<IReconciliationLog, TableReconciliationLog>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IAttentionList, TableAttentionList>();
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddPaymentsSecrets(configuration);
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddSingleton<StorageHealth>();
        return services;
    }

    /// <summary>
    /// Secrets from Key Vault when <c>KeyVault:VaultUri</c> is set (managed identity through the registered
    /// <see cref="TokenCredential"/>), otherwise from configuration section <c>Secrets</c>. Nothing is read at
    /// start-up.
    /// </summary>
    public static IServiceCollection AddPaymentsSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPaymentsMetrics>(NoPaymentsMetrics.Instance);
        services
            .AddOptions<KeyVaultOptions>()
            .Bind(configuration.GetSection(KeyVaultOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyVaultOptions>, KeyVaultOptionsValidator>();
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value;
            var clientOptions = new SecretClientOptions
            {
                Retry = { MaxRetries = 2, NetworkTimeout = settings.Timeout },
            };
            return new SecretClient(
                settings.VaultUri ?? throw new InvalidOperationException("KeyVault:VaultUri is not set."),
                sp.GetRequiredService<TokenCredential>(),
                clientOptions
            );
        });
        services.AddSingleton<ConfigurationSecretStore>();
        services.AddSingleton<ISecretStore>(sp =>
            sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value.VaultUri is null
                ? sp.GetRequiredService<ConfigurationSecretStore>()
                : ActivatorUtilities.CreateInstance<KeyVaultSecretStore>(sp)
        );
        return services;
    }
}
