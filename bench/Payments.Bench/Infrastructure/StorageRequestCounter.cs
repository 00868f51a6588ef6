using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Payments.Testing;

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

    /// <summary>Makes the host's table client send through this counter.</summary>
    public void Install(IServiceCollection services) => StoragePipeline.Install(services, this);
}
