using System.Globalization;
using System.Net.Sockets;
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

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<Azurite> StartAsync(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "table", "main.js");
        var port = FreePort.Next();
        var process = ChildProcess.Start("node",
            [script, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence",
             "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--disableProductStyleUrl"],
            new Dictionary<string, string>());
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new Azurite(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await process.DisposeAsync();
        throw new TimeoutException("Azurite did not listen within 30 s.");
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
