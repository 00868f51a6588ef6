namespace Payments.Azure.Tables;

/// <summary>A table endpoint with the Shared Key that signs for it (null key: use Microsoft Entra ID).</summary>
public sealed record StorageConnection(Uri TableEndpoint, string? AccountName, byte[]? AccountKey)
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public, documented by Microsoft; not a secret).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Parses <c>UseDevelopmentStorage=true</c> or the AccountName/AccountKey[/TableEndpoint] form.</summary>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var isDev) && isDev)
        {
            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? p.TrimEnd('/') : "http://127.0.0.1";
            return new StorageConnection(
                new Uri($"{proxy}:10002/{DevelopmentAccountName}"),
                DevelopmentAccountName,
                Convert.FromBase64String(DevelopmentAccountKey));
        }

        var account = Required(parts, "AccountName");
        var key = DecodeKey(Required(parts, "AccountKey"));
        var endpoint = parts.TryGetValue("TableEndpoint", out var explicitEndpoint)
            ? explicitEndpoint
            : $"{Value(parts, "DefaultEndpointsProtocol", "https")}://{account}.table.{Value(parts, "EndpointSuffix", "core.windows.net")}";
        return new StorageConnection(new Uri(endpoint.TrimEnd('/')), account, key);
    }

    /// <summary>An endpoint authenticated with Microsoft Entra ID (managed identity in Azure).</summary>
    public static StorageConnection ForEntraId(Uri tableEndpoint) => new(tableEndpoint, null, null);

    private static string Required(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");

    private static string Value(Dictionary<string, string> parts, string name, string fallback) =>
        parts.TryGetValue(name, out var value) ? value : fallback;

    private static byte[] DecodeKey(string key)
    {
        try
        {
            return Convert.FromBase64String(key);
        }
        catch (FormatException)
        {
            throw new FormatException("The storage connection string's AccountKey is not Base64.");
        }
    }
}
