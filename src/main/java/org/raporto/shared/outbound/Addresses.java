package org.raporto.shared.outbound;

import java.net.InetAddress;
import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * Which IP addresses are places on the internet: the one classification both the hosting trace (where content is
 * hosted) and the {@link SafeFetcher} (where the server may connect) go by.
 * <p>
 * Private, loopback, link-local, shared (carrier NAT), unique-local, unspecified, documentation, benchmarking,
 * multicast and reserved addresses — the entries of IANA's special-purpose address registries that are not globally
 * reachable — are not. A name that resolves to one says nothing of where its content lives, and a request to one
 * would reach the hotline's own network instead of the internet.
 */
public final class Addresses {

    /**
     * From https://www.iana.org/assignments/iana-ipv4-special-registry and iana-ipv6-special-registry, the blocks
     * marked "Globally Reachable: False" (and multicast); IPv6 addresses that carry an IPv4 address are judged by it too.
     */
    private static final List<IPAddress> NOT_GLOBAL = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(block -> new IPAddressString(block).getAddress().toPrefixBlock()).toList();

    /** NAT64's well-known prefix (RFC 6052): the gateway forwards to the IPv4 address in the last 32 bits. */
    private static final IPAddress NAT64 = new IPAddressString("64:ff9b::/96").getAddress().toPrefixBlock();

    /** IPv4-compatible IPv6 (deprecated, RFC 4291): {@code ::a.b.c.d}, which some stacks still route to IPv4. */
    private static final IPAddress IPV4_COMPATIBLE = new IPAddressString("::/96").getAddress().toPrefixBlock();

    private Addresses() {
    }

    public static IPAddress of(InetAddress address) {
        byte[] bytes = address.getAddress();
        IPAddress ip = bytes.length == 4 ? new IPv4Address(bytes) : new IPv6Address(bytes);
        return plain(ip);
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is its IPv4 address. */
    public static IPAddress plain(IPAddress address) {
        if (address instanceof IPv6Address ipv6 && ipv6.isIPv4Mapped()) {
            return ipv6.getEmbeddedIPv4Address();
        }
        return address;
    }

    /**
     * Whether the address is reachable across the internet: content can be hosted there, and the server may connect
     * to it. An IPv6 address that leads to an IPv4 one (mapped, NAT64, 6to4, IPv4-compatible) is global only when that
     * IPv4 address is too, so that {@code 64:ff9b::7f00:1} cannot stand in for {@code 127.0.0.1}.
     */
    public static boolean isGlobal(IPAddress address) {
        IPAddress plain = plain(address);
        if (NOT_GLOBAL.stream().anyMatch(block -> block.getIPVersion() == plain.getIPVersion() && block.contains(plain))) {
            return false;
        }
        if (plain instanceof IPv6Address ipv6) {
            if (NAT64.contains(ipv6) || IPV4_COMPATIBLE.contains(ipv6)) {
                return isGlobal(ipv6.getEmbeddedIPv4Address());
            }
            if (ipv6.is6To4()) {
                return isGlobal(ipv6.get6To4IPv4Address());
            }
        }
        return true;
    }

    /** As {@link #isGlobal(IPAddress)}, for an address the JDK resolved. */
    public static boolean isGlobal(InetAddress address) {
        return isGlobal(of(address));
    }

    /** Dotted quad, or the shortest IPv6 form in lower case. */
    public static String text(IPAddress address) {
        IPAddress plain = plain(address);
        return plain.isIPv4() ? plain.toNormalizedString() : plain.toCompressedString();
    }
}
