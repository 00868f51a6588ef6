using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Payments.Testing;

/// <summary>
/// Loopback ports for the listeners the tests and benchmarks start (Azurite, sandboxes, servers, receivers), shared by
/// both as a linked source file. Asking the OS for port 0 and releasing it races: between the release and the
/// listener's bind, any outgoing connection (the chaos tests open thousands) may be given that port as its ephemeral
/// local port, and the listener fails with "address already in use". So ports come from below the OS's ephemeral range,
/// which outgoing connections never use; a process-wide counter from a random start keeps callers (and two test
/// processes) apart, and each candidate is checked by binding it.
/// </summary>
internal static class FreePort
{
    private const int Lowest = 10_000;
    private const int DefaultEphemeralStart = 32_768;

    private static readonly int End = Math.Min(EphemeralStart(), DefaultEphemeralStart);
    private static int cursor = Random.Shared.Next(End - Lowest);

    public static int Next()
    {
        for (var attempt = 0; attempt < End - Lowest; attempt++)
        {
            var port = Lowest + (int)((uint)Interlocked.Increment(ref cursor) % (uint)(End - Lowest));
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {End}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Linux publishes its ephemeral range; elsewhere (Windows and macOS use 49152 up) the default bound is below it
    /// anyway.
    /// </summary>
    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return
            File.Exists(range)
            && int.TryParse(
                File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var start
            )
            && start > Lowest + 1_000
            ? start
            : DefaultEphemeralStart;
    }
}
