using Azure.Core;
using Azure.Data.Tables;

namespace Payments.Azure.Tables;

/// <summary>
/// The Azure.Data.Tables service client for <see cref="StorageOptions"/>: connection string locally, Microsoft Entra ID
/// in Azure.
/// </summary>
public static class StorageClient
{
    /// <summary>
    /// Client options whose tries fit in <paramref name="timeout"/>: each try may wait half of it, retried
    /// (exponential, 0.2 s to 2 s apart) up to 3 times; <see cref="StorageTable"/> bounds the whole call by
    /// <paramref name="timeout"/>.
    /// </summary>
    public static TableClientOptions Options(TimeSpan timeout) =>
        new()
        {
            Retry =
            {
                Mode = RetryMode.Exponential,
                MaxRetries = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                NetworkTimeout = timeout / 2,
            },
        };

    /// <summary>
    /// From <see cref="StorageOptions.ConnectionString"/> (<c>UseDevelopmentStorage=true</c>, or AccountName/AccountKey
    /// with an optional TableEndpoint) when set, otherwise <see cref="StorageOptions.TableServiceUri"/> with
    /// <paramref name="credential"/>.
    /// </summary>
    public static TableServiceClient Create(
        StorageOptions options,
        Func<TokenCredential> credential,
        TableClientOptions clientOptions
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(
                options.TableServiceUri
                    ?? throw new InvalidOperationException($"{StorageOptions.Section}:TableServiceUri is not set."),
                credential(),
                clientOptions
            )
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }
}
