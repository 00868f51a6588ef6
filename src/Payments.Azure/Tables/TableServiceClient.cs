using Azure.Core;
using Azure.Core.Pipeline;

namespace Payments.Azure.Tables;

/// <summary>
/// The seam to Table Storage: one pipeline per account, authenticated with Shared Key (connection string)
/// or Microsoft Entra ID (a <see cref="TokenCredential"/>, e.g. managed identity).
/// </summary>
public sealed class TableServiceClient
{
    /// <summary>The OAuth scope of Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline pipeline;
    private readonly Uri endpoint;

    public TableServiceClient(StorageConnection connection, TokenCredential? credential, TableClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        HttpPipelinePolicy auth = connection switch
        {
            { AccountName: { } name, AccountKey: { } key } => new SharedKeyLitePolicy(name, key, options.TimeProvider),
            _ when credential is not null => new BearerTokenAuthenticationPolicy(credential, StorageScope),
            _ => throw new ArgumentException("A table endpoint without an account key needs a token credential.", nameof(credential)),
        };
        pipeline = HttpPipelineBuilder.Build(options, perCallPolicies: [], perRetryPolicies: [auth], new ResponseClassifier());
        endpoint = connection.TableEndpoint;
    }

    public Uri Endpoint => endpoint;

    public TableClient GetTableClient(string name) => new(pipeline, endpoint, name);
}
