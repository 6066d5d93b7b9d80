using System.Net;
using System.Net.Sockets;

namespace BananTourism.Api.Hosting;

/// <summary>Whose requests count together for a rate limit. An IPv4 address is one client; an IPv6 client holds a
/// whole /64 (one home or phone network gets 2^64 addresses), so its limit is the /64's, or anyone could step
/// round it by changing the last 64 bits.</summary>
public static class ClientAddress
{
    public static string Partition(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
