namespace Payments.Azure;

/// <summary>
/// Where orders are stored. Exactly one of <see cref="ConnectionString"/> and <see cref="TableServiceUri"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "PaymentsStorage";

    /// <summary>
    /// Shared Key connection string (<c>UseDevelopmentStorage=true</c> for Azurite, or
    /// AccountName/AccountKey/TableEndpoint). Local and test use only; Azure uses <see cref="TableServiceUri"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Table endpoint reached with Microsoft Entra ID (managed identity), e.g.
    /// <c>https://acct.table.core.windows.net</c>.
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Letters/digits put before every table name (default <c>pay</c>: <c>payorders</c>, ...).</summary>
    public string TablePrefix { get; set; } = "pay";

    /// <summary>
    /// Longest wait for one storage call, its retries included (default 10 s, at most 2 minutes); a call not answered
    /// in time is "storage unavailable" (503 with Retry-After).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
