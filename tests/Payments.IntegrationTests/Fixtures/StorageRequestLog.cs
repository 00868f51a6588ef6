using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Payments.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// Every HTTP request the service's table client sends (each try: placed per retry in the Azure.Core pipeline), as
/// <c>METHOD /path</c>, so a test can say which storage requests a piece of work made (as the bench's request counter
/// does).
/// </summary>
public sealed class StorageRequestLog : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> requests = new();

    public IReadOnlyList<string> Requests => [.. requests];

    public void Clear() => requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        requests.Enqueue(
            $"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath)}"
        );
    }

    /// <summary>Makes the host's table client send through this log.</summary>
    public void Install(IServiceCollection services) => StoragePipeline.Install(services, this);
}
