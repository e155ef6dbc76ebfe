package org.raporto.tracing;

import java.net.InetAddress;
import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * IP addresses as the trace handles them, and which of them can be where content is hosted.
 * <p>
 * Only addresses reachable across the internet can. Private, loopback, link-local, shared (carrier NAT),
 * documentation, benchmarking, multicast and reserved addresses — the entries of IANA's special-purpose address
 * registries that are not globally reachable — are recorded when a name resolves to them, but never taken for a
 * hosting location: a name that points there says nothing about where its content lives, and the location
 * databases know nothing of them.
 */
final class Addresses {

    /**
     * From https://www.iana.org/assignments/iana-ipv4-special-registry and iana-ipv6-special-registry, the blocks
     * marked "Globally Reachable: False" (and multicast); IPv4-mapped IPv6 addresses are judged by their IPv4 address.
     */
    private static final List<IPAddress> NOT_GLOBAL = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(block -> new IPAddressString(block).getAddress().toPrefixBlock()).toList();

    private Addresses() {
    }

    static IPAddress of(InetAddress address) {
        byte[] bytes = address.getAddress();
        IPAddress ip = bytes.length == 4 ? new IPv4Address(bytes) : new IPv6Address(bytes);
        return plain(ip);
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is its IPv4 address. */
    static IPAddress plain(IPAddress address) {
        if (address instanceof IPv6Address ipv6 && ipv6.isIPv4Mapped()) {
            return ipv6.getEmbeddedIPv4Address();
        }
        return address;
    }

    /** Whether content can be hosted at this address: it is reachable across the internet. */
    static boolean isGlobal(IPAddress address) {
        IPAddress plain = plain(address);
        return NOT_GLOBAL.stream().noneMatch(block -> block.getIPVersion() == plain.getIPVersion() && block.contains(plain));
    }

    /** Dotted quad, or the shortest IPv6 form in lower case. */
    static String text(IPAddress address) {
        IPAddress plain = plain(address);
        return plain.isIPv4() ? plain.toNormalizedString() : plain.toCompressedString();
    }
}
