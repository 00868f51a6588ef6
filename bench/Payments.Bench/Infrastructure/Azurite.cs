using Payments.Testing;

namespace Payments.Bench.Infrastructure;

/// <summary>Azurite's Table service from the repository's npm install, in memory, on a free loopback port.</summary>
public sealed class Azurite : IAsyncDisposable
{
    private readonly ChildProcess process;

    private Azurite(ChildProcess process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => AzuriteCommand.ConnectionString(Port);

    public static async Task<Azurite> StartAsync(string repositoryRoot)
    {
        var port = FreePort.Next();
        var process = ChildProcess.Start("node", AzuriteCommand.Arguments(repositoryRoot, port, location: null), new Dictionary<string, string>());
        try
        {
            await AzuriteCommand.WaitUntilListeningAsync(port, () => process.HasExited, TimeSpan.FromSeconds(30));
            return new Azurite(process, port);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
