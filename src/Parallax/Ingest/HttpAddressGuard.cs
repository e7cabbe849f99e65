using System.Net;
using System.Net.Sockets;

namespace Parallax.Ingest;

/// <summary>
/// The SSRF guard's decision: which IP addresses a fetch may connect to. Private, loopback, link-local, CGNAT,
/// unique-local, multicast and reserved ranges are refused, and an IPv4 address hidden in IPv6 (mapped, compatible,
/// NAT64, 6to4) is judged as the IPv4 address it carries.
/// </summary>
public static class HttpAddressGuard
{
    /// <summary>Refused ranges and why (IANA special-purpose registries, RFC 6890 and successors).</summary>
    private static readonly (IPNetwork Network, string Why)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "'this network'"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "IETF protocol assignments"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation"),
        (IPNetwork.Parse("192.88.99.0/24"), "6to4 relay anycast"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("100::/64"), "discard-only"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation"),
        (IPNetwork.Parse("fc00::/7"), "unique-local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    /// <summary>Why <paramref name="address"/> is refused ("loopback", "private"...), or null when it is a public address.</summary>
    public static string? RefusalReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return RefusalReason(address.MapToIPv4());
            }

            var bytes = address.GetAddressBytes();
            if (Nat64.Contains(address) || (Compatible.Contains(address) && !IPAddress.IPv6Any.Equals(address) && !IPAddress.IPv6Loopback.Equals(address)))
            {
                return RefusalReason(new IPAddress(bytes.AsSpan(12, 4)));
            }

            if (SixToFour.Contains(address) && RefusalReason(new IPAddress(bytes.AsSpan(2, 4))) is { } embedded)
            {
                return embedded;
            }
        }
        else if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return "not an IP address";
        }

        foreach (var (network, why) in Refused)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return why;
            }
        }

        return null;
    }

    public static bool IsAllowed(IPAddress address) => RefusalReason(address) is null;

    /// <summary>Only http and https are fetched: file:, ftp:, gopher: and the like are refused outright.</summary>
    public static bool IsAllowedScheme(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}

/// <summary>Thrown from the connect callback when every address of a host is refused; mapped to <see cref="HttpFetchStatus.Refused"/>.</summary>
public sealed class HttpAddressRefusedException : Exception
{
    public HttpAddressRefusedException()
    {
    }

    public HttpAddressRefusedException(string message)
        : base(message)
    {
    }

    public HttpAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
