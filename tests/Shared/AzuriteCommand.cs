using System.Globalization;
using System.Net.Sockets;

namespace Payments.Testing;

/// <summary>
/// How the tests and the bench start Azurite's Table service from the repository's npm install and reach it: one
/// command line, one connection string, one wait for the port. Shared by both as a linked source file.
/// </summary>
internal static class AzuriteCommand
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public, documented by Microsoft; not a secret).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// Node's arguments for Azurite's Table service on <paramref name="port"/>; data under <paramref name="location"/>,
    /// or in memory when null. The watchdog preloaded with it ends it when its starter has gone.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string repositoryRoot, int port, string? location)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {script}: run the README's test command (it runs npm ci)."
            );
        }

        string[] storage = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        return
        [
            "--require",
            Path.Combine(repositoryRoot, "tests", "Shared", "azurite-watchdog.js"),
            script,
            "--tableHost",
            "127.0.0.1",
            "--tablePort",
            port.ToString(CultureInfo.InvariantCulture),
            .. storage,
            "--silent",
            "--skipApiVersionCheck",
            "--disableTelemetry",
            "--disableProductStyleUrl",
        ];
    }

    /// <summary>
    /// The development account (Azurite's well-known key) at the Table endpoint on <paramref name="port"/>.
    /// </summary>
    public static string ConnectionString(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};"
        + $"AccountKey={DevelopmentAccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{port}/{DevelopmentAccountName};";

    /// <summary>
    /// Returns once <paramref name="port"/> accepts connections; fails as soon as <paramref name="hasExited"/> says
    /// Azurite stopped.
    /// </summary>
    public static async Task WaitUntilListeningAsync(int port, Func<bool> hasExited, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"Azurite exited before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within {timeout}.");
    }
}
