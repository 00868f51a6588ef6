using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Azure;
using Payments.Azure.Tables;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// Every HTTP request the service's table client sends (each try: placed per retry in the Azure.Core pipeline), as
/// <c>METHOD /path</c>, so a test can say which storage requests a piece of work made (as the bench's request counter does).
/// </summary>
public sealed class StorageRequestLog : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> requests = new();

    public IReadOnlyList<string> Requests => [.. requests];

    public void Clear() => requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        requests.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath)}");
    }

    /// <summary>Makes the host's <see cref="TableServiceClient"/> (its own options, timeout and credential) send through this log.</summary>
    public void Install(IServiceCollection services) =>
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = StorageClient.Options(options.Timeout);
            clientOptions.AddPolicy(this, HttpPipelinePosition.PerRetry);
            return StorageClient.Create(options, sp.GetRequiredService<TokenCredential>, clientOptions);
        });
}
