using System.Net;
using System.Net.Sockets;

namespace Payments.Http.RateLimiting;

/// <summary>
/// The key anonymous traffic is limited by: an IPv4 address (also when mapped into IPv6) as it is, an IPv6 address by
/// its /64 network (what one host or customer is handed, so a caller cannot walk its addresses to multiply its limit);
/// text that is no address (an edge's label) as it is.
/// </summary>
public static class ClientAddressKey
{
    public static string Of(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!IPAddress.TryParse(address, out var parsed))
        {
            return address;
        }

        if (parsed.IsIPv4MappedToIPv6)
        {
            return parsed.MapToIPv4().ToString();
        }

        if (parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return parsed.ToString();
        }

        var bytes = parsed.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
