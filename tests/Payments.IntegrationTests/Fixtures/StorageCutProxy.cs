using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Payments.Testing;

namespace Payments.IntegrationTests.Fixtures;

/// <summary>
/// A loopback TCP relay in front of Azurite whose line can be cut: <see cref="Cut"/> drops every open connection and
/// refuses new ones, as an unreachable storage account would; <see cref="Restore"/> listens again on the same port.
/// (Stopping the Azurite process instead loses writes it had acknowledged: it keeps tables in memory between saves.)
/// <see cref="Stall"/> makes it a listener that accepts and never answers: requests (all, or those holding a marker)
/// are swallowed and their connection goes silent, as a hung storage front end would.
/// </summary>
public sealed class StorageCutProxy : IAsyncDisposable
{
    private readonly int target;
    private readonly ConcurrentDictionary<TcpClient, byte> open = new();
    private TcpListener? listener;
    private CancellationTokenSource? accepting;
    private volatile string? stallMarker;

    private StorageCutProxy(int target)
    {
        this.target = target;
        Port = FreePort.Next();
    }

    public int Port { get; }

    public static StorageCutProxy Start(int targetPort)
    {
        var proxy = new StorageCutProxy(targetPort);
        proxy.Restore();
        return proxy;
    }

    /// <summary>The Azurite connection string with the table endpoint moved to this relay.</summary>
    public string ConnectionString(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return azurite.ConnectionString.Replace($":{azurite.Port}/", $":{Port}/", StringComparison.Ordinal);
    }

    /// <summary>
    /// From now on every request holding <paramref name="marker"/> (every request when empty) is never answered.
    /// </summary>
    public void Stall(string marker = "") => stallMarker = marker;

    /// <summary>Requests are relayed again (connections already stalled stay silent).</summary>
    public void Unstall() => stallMarker = null;

    public void Cut()
    {
        accepting?.Cancel();
        listener?.Stop();
        foreach (var client in open.Keys)
        {
            try
            {
                client.Client?.LingerState = new LingerOption(true, 0);
            }
            catch (ObjectDisposedException)
            {
                // Its relay closed it meanwhile.
            }

            client.Dispose();
        }

        open.Clear();
    }

    public void Restore()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        accepting = new CancellationTokenSource();
        _ = AcceptAsync(listener, accepting.Token);
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        accepting?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await server.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        open[inbound] = 0;
        open[outbound] = 0;
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, target);
            var a = inbound.GetStream();
            var b = outbound.GetStream();
            var stalled = new StrongBox<bool>(false);
            await Task.WhenAny(PumpAsync(a, b, stalled, inspect: true), PumpAsync(b, a, stalled, inspect: false));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The line was cut or a side closed.
        }
        finally
        {
            open.TryRemove(inbound, out _);
            open.TryRemove(outbound, out _);
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    /// <summary>
    /// Copies one direction; once a request matches the stall marker the connection forwards nothing more either way.
    /// </summary>
    private async Task PumpAsync(NetworkStream from, NetworkStream to, StrongBox<bool> stalled, bool inspect)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            if (
                inspect
                && stallMarker is { } marker
                && (
                    marker.Length == 0
                    || Encoding.ASCII.GetString(buffer, 0, read).Contains(marker, StringComparison.Ordinal)
                )
            )
            {
                stalled.Value = true;
            }

            if (!stalled.Value)
            {
                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
    }
}
