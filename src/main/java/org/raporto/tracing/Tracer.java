package org.raporto.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.outbound.Addresses;
import org.raporto.shared.outbound.OutboundProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import inet.ipaddr.IPAddress;

/**
 * One trace, start to end, and nothing stored: the host's addresses from the DNS (or the host itself when it is an
 * address), each placed by the IP location data and checked against the CDN networks.
 * <p>
 * Offline, names are not looked up at all; an address written as the host is still placed, since that takes no
 * request.
 */
class Tracer {

    private static final Logger log = LoggerFactory.getLogger(Tracer.class);

    private final Dns dns;
    private final IpLocations locations;
    private final CdnRanges cdns;
    private final OutboundProperties outbound;

    Tracer(Dns dns, IpLocations locations, CdnRanges cdns, OutboundProperties outbound) {
        this.dns = dns;
        this.locations = locations;
        this.cdns = cdns;
        this.outbound = outbound;
    }

    boolean offline() {
        return outbound.offline();
    }

    Findings trace(Target target) {
        List<String> aliases = List.of();
        List<IPAddress> found;
        if (target instanceof Target.Literal literal) {
            found = List.of(literal.address());
        }
        else {
            Target.Name name = (Target.Name) target;
            if (name.onion()) {
                return Findings.failed(HostingTrace.Reason.ONION);
            }
            if (name.specialUse()) {
                return Findings.failed(HostingTrace.Reason.SPECIAL_USE_NAME);
            }
            if (outbound.offline()) {
                return Findings.failed(HostingTrace.Reason.OFFLINE);
            }
            try {
                Dns.Answer answer = dns.resolve(name.ascii());
                aliases = answer.aliases();
                found = answer.addresses();
            }
            catch (Dns.Failure failure) {
                log.debug("Host {} not traced: {}", name.ascii(), failure.reason());
                return Findings.failed(failure.reason());
            }
        }
        if (found.isEmpty()) {
            return new Findings(HostingTrace.Reason.NO_ADDRESSES, aliases, List.of());
        }
        boolean anyOnInternet = found.stream().anyMatch(Addresses::isGlobal);
        boolean located = true;
        List<HostingTrace.Address> addresses = new ArrayList<>();
        for (IPAddress ip : sorted(found)) {
            boolean onInternet = Addresses.isGlobal(ip);
            String cdn = onInternet ? cdns.cdnOf(ip).orElse(null) : null;
            Optional<IpLocations.Location> location = onInternet ? locations.locate(ip) : Optional.empty();
            located &= !onInternet || location.isPresent();
            IpLocations.Location place = location.orElse(new IpLocations.Location(null, null, null));
            addresses.add(new HostingTrace.Address(Addresses.text(ip), ip.isIPv4() ? 4 : 6, onInternet, place.country(),
                    place.asn(), place.organisation(), cdn));
        }
        HostingTrace.Reason failure = !anyOnInternet ? HostingTrace.Reason.ONLY_PRIVATE_ADDRESSES
                : !located ? HostingTrace.Reason.NO_LOCATION_DATA : null;
        return new Findings(failure, aliases, addresses);
    }

    private static List<IPAddress> sorted(List<IPAddress> addresses) {
        return addresses.stream()
                .map(Addresses::plain)
                .distinct()
                .sorted(Comparator.comparing((IPAddress ip) -> ip.isIPv4() ? 4 : 6).thenComparing(IPAddress::getValue))
                .toList();
    }

    /**
     * What one trace found.
     *
     * @param failure   why the host is not traced; null when it is
     * @param aliases   its CNAME chain
     * @param addresses its addresses, IPv4 first, each in order
     */
    record Findings(HostingTrace.@Nullable Reason failure, List<String> aliases, List<HostingTrace.Address> addresses) {

        static Findings failed(HostingTrace.Reason reason) {
            return new Findings(reason, List.of(), List.of());
        }

        boolean traced() {
            return failure == null;
        }
    }
}
