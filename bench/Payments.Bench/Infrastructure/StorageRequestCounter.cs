using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Azure;
using Payments.Azure.Tables;

namespace Payments.Bench.Infrastructure;

/// <summary>
/// Counts every HTTP request the service's table client sends (each try: placed per retry in the Azure.Core pipeline),
/// so the bench can say how many storage requests one endpoint request or one due order costs.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);

    /// <summary>Makes the Server's <see cref="TableServiceClient"/> (its own options, timeout and credential) send through this counter.</summary>
    public void Install(IServiceCollection services) =>
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = StorageClient.Options(options.Timeout);
            clientOptions.AddPolicy(this, HttpPipelinePosition.PerRetry);
            return StorageClient.Create(options, sp.GetRequiredService<TokenCredential>, clientOptions);
        });
}
