using System.Diagnostics;
using Azure.Data.Tables;
using Payments.Azure;
using Payments.Azure.Tables;
using Payments.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// A real Azurite Table service, installed from the repository's npm lock file, started on a free
/// loopback port with a throw-away workspace and stopped when the tests finish. A test that stops and restarts
/// storage starts one of its own; test classes share one (<see cref="SharedAzurite"/>), each under its own table
/// prefix.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    private readonly string workspace = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public int Port { get; protected set; }

    public string ConnectionString => AzuriteCommand.ConnectionString(Port);

    /// <summary>
    /// The service client the server would build for this Azurite (<paramref name="options"/>: the server's by
    /// default).
    /// </summary>
    public TableServiceClient CreateService(TableClientOptions? options = null) =>
        new(ConnectionString, options ?? StorageClient.Options(new StorageOptions().Timeout));

    /// <summary>The server's tables under a fresh prefix, with the server's default timeout.</summary>
    public PaymentTables CreateTables(TableClientOptions? options = null) =>
        new(CreateService(options), TablePrefix.New(), new StorageOptions().Timeout);

    public virtual async Task InitializeAsync()
    {
        Port = FreePort.Next();
        await StartAsync();
    }

    /// <summary>
    /// Starts Azurite (again, after <see cref="StopAsync"/>) on the same port; data kept on disk survives.
    /// </summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("node", AzuriteCommand.Arguments(RepositoryRoot.Path, Port, workspace))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var started = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;
        await AzuriteCommand.WaitUntilListeningAsync(Port, () => started.HasExited, TimeSpan.FromSeconds(30));
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

    public virtual async Task DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(workspace))
        {
            Directory.Delete(workspace, recursive: true);
        }
    }
}
