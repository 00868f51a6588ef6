using System.Diagnostics;
using System.Net.Sockets;
using Payments.Azure.Tables;
using Payments.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// A real Azurite Table service, installed from the repository's npm lock file, started on a free
/// loopback port with a throw-away workspace and stopped when the tests finish. No in-memory stand-in for storage.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string workspace = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={StorageConnection.DevelopmentAccountName};"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"TableEndpoint=http://127.0.0.1:{Port}/{StorageConnection.DevelopmentAccountName};";

    public TableServiceClient CreateService(TableClientOptions? options = null) =>
        new(StorageConnection.Parse(ConnectionString), null, options ?? new TableClientOptions());

    public async Task InitializeAsync()
    {
        Port = FreePort.Next();
        await StartAsync();
    }

    /// <summary>Starts Azurite (again, after <see cref="StopAsync"/>) on the same port; data kept on disk survives.</summary>
    public async Task StartAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run the README's test command (it runs npm ci).");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--location", workspace, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--disableProductStyleUrl",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync(TimeSpan.FromSeconds(30));
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(workspace))
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private async Task WaitForPortAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {Port} within {timeout}.");
    }
}
