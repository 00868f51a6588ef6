using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Payments.AppHost;

/// <summary>
/// What the local stack listens on and where it keeps its files, from the AppHost's configuration (environment
/// variables or <c>KEY=value</c> arguments): <c>PAYMENTS_PORT</c> (7071), <c>SANDBOX_PORT</c> (7072),
/// <c>AZURITE_BLOB_PORT</c>/<c>AZURITE_QUEUE_PORT</c>/<c>AZURITE_TABLE_PORT</c> (10000-10002), <c>AZURITE_LOCATION</c>
/// (<c>.azurite/</c>) and <c>--webhook-url</c> (the merchant's own webhook endpoint; default the sandbox's receiver).
/// </summary>
internal sealed record LocalStackSettings(
    string RepositoryRoot,
    int ServerPort,
    int SandboxPort,
    int BlobPort,
    int QueuePort,
    int TablePort,
    string AzuriteLocation,
    Uri? MerchantWebhookUrl
)
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft; not a secret).</summary>
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ServerUrl => $"http://127.0.0.1:{ServerPort}";

    public string SandboxUrl => $"http://127.0.0.1:{SandboxPort}";

    public string TableUrl => $"http://127.0.0.1:{TablePort}/devstoreaccount1";

    /// <summary>Where the Server delivers webhooks: the merchant's app if given, else the sandbox's receiver.</summary>
    public string WebhookUrl => MerchantWebhookUrl?.AbsoluteUri ?? $"{SandboxUrl}/merchant/webhooks";

    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + $"AccountKey={DevelopmentAccountKey};TableEndpoint={TableUrl};";

    public static LocalStackSettings From(IConfiguration configuration, string appHostDirectory)
    {
        var root = Path.GetFullPath(Path.Combine(appHostDirectory, "..", ".."));
        var location = configuration["AZURITE_LOCATION"] is { Length: > 0 } given ? given : ".azurite";
        return new LocalStackSettings(
            root,
            Port(configuration, "PAYMENTS_PORT", 7071),
            Port(configuration, "SANDBOX_PORT", 7072),
            Port(configuration, "AZURITE_BLOB_PORT", 10000),
            Port(configuration, "AZURITE_QUEUE_PORT", 10001),
            Port(configuration, "AZURITE_TABLE_PORT", 10002),
            Path.GetFullPath(location, root),
            ParseWebhookUrl(configuration["webhook-url"])
        );
    }

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{key} must be a port number (1-65535), not '{text}'.");
    }

    private static Uri? ParseWebhookUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new InvalidOperationException($"--webhook-url must be an absolute http(s) URL, not '{text}'.");
    }
}
