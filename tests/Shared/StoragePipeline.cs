using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Azure;
using Payments.Azure.Tables;

namespace Payments.Testing;

/// <summary>Where the tests and the bench put a policy of theirs into the service's own table client.</summary>
public static class StoragePipeline
{
    /// <summary>
    /// Makes the host's <see cref="TableServiceClient"/> (its own options, timeout and credential) send every try
    /// through
    /// <paramref name="policy"/> (placed per retry in the Azure.Core pipeline).
    /// </summary>
    public static void Install(IServiceCollection services, HttpPipelinePolicy policy) =>
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = StorageClient.Options(options.Timeout);
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            return StorageClient.Create(options, sp.GetRequiredService<TokenCredential>, clientOptions);
        });
}
