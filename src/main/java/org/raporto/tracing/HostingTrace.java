package org.raporto.tracing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where a host's content is served from, as far as the DNS and the IP location data tell: the outcome of the host's
 * last trace, or why there is none.
 * <p>
 * A {@link State#TRACED traced} host has at least one address on the internet. Its {@link #hostingCountry() hosting
 * country} is the one country all those addresses are in; when they are in a CDN's network, the CDN's location says
 * nothing of the real host's, so there is no hosting country and {@link #behindCdn()} is true ("real host unknown —
 * behind CDN"). A host {@link State#NOT_TRACED not traced} says {@link #reason() why}; it may still list what was found
 * (the aliases, and addresses that are not on the internet).
 *
 * @param host      the host as the trace knows it: an ASCII domain name in lower case without the final dot, or an IP
 *                  address (IPv6 without brackets); for an invalid host, the text as given
 * @param state     traced, or not
 * @param reason    why not; null when traced
 * @param aliases   the names the host is an alias of, in order (its CNAME chain); empty when none
 * @param addresses the addresses found, IPv4 first; addresses not on the internet are listed but never located
 * @param tracedAt  when this outcome was found; null when the host has never been traced
 * @param expiresAt when it is old enough to be traced again; null when the host has never been traced
 * @param expired   whether {@code expiresAt} had passed when this was read
 * @param queued    whether a trace of the host is waiting or under way (a first one, a retry, or a refresh)
 */
public record HostingTrace(String host, State state, @Nullable Reason reason, List<String> aliases,
        List<Address> addresses, @Nullable Instant tracedAt, @Nullable Instant expiresAt, boolean expired, boolean queued) {

    public HostingTrace {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        if ((state == State.NOT_TRACED) != (reason != null)) {
            throw new IllegalArgumentException("A trace has a reason exactly when it is not traced: " + state + ", " + reason);
        }
        if (state == State.TRACED && addresses.stream().noneMatch(Address::onInternet)) {
            throw new IllegalArgumentException("A traced host has an address on the internet");
        }
        aliases = List.copyOf(aliases);
        addresses = List.copyOf(addresses);
    }

    /** A host with no outcome (yet), for the reason given. */
    static HostingTrace notTraced(String host, Reason reason, boolean queued) {
        return new HostingTrace(host, State.NOT_TRACED, reason, List.of(), List.of(), null, null, false, queued);
    }

    public boolean traced() {
        return state == State.TRACED;
    }

    /**
     * The country where the content is hosted: the one country of all addresses on the internet.
     *
     * @return empty when not traced, when the addresses are in several countries or in none the data knows, and when
     *         the host is behind a CDN
     */
    public Optional<String> hostingCountry() {
        List<String> countries = countries();
        return traced() && !behindCdn() && countries.size() == 1 ? Optional.of(countries.get(0)) : Optional.empty();
    }

    /** The countries of the addresses on the internet that are not a CDN's, each once, in alphabetical order. */
    public List<String> countries() {
        return addresses.stream()
                .filter(address -> address.onInternet() && address.cdn() == null && address.country() != null)
                .map(Address::country)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * Whether an address on the internet is in a CDN's network: the real host is hidden behind it ("real host unknown —
     * behind CDN"), and only the CDN (an abuse report to it) can tell where it is.
     */
    public boolean behindCdn() {
        return addresses.stream().anyMatch(address -> address.onInternet() && address.cdn() != null);
    }

    /** The CDNs the host is behind, each once, in the order found. */
    public List<String> cdns() {
        return addresses.stream().map(Address::cdn).filter(Objects::nonNull).distinct().toList();
    }

    /** Whether the outcome is one of the last trace (not only a state of the queue or an invalid host). */
    public boolean hasOutcome() {
        return tracedAt != null;
    }

    public enum State {
        TRACED,
        NOT_TRACED
    }

    /** Why a host is not traced. Each has a text under {@code tracing.reason.<NAME>} in the message bundles. */
    public enum Reason {
        /** Waiting for its first trace. */
        PENDING,
        /** The server is offline ({@code raporto.outbound.offline}): names are not looked up. */
        OFFLINE,
        /** Not a host a browser could reach. */
        INVALID_HOST,
        /** A Tor onion service: not in the DNS, its host cannot be traced. */
        ONION,
        /** A name for this machine, a local network or private use ({@code localhost}, {@code .local}, {@code .test}…). */
        SPECIAL_USE_NAME,
        /** The name does not exist in the DNS (NXDOMAIN). */
        NO_SUCH_HOST,
        /** The name exists but has no IPv4 or IPv6 address. */
        NO_ADDRESSES,
        /** Every address is private, loopback, link-local or reserved: none is a place on the internet. */
        ONLY_PRIVATE_ADDRESSES,
        /** No resolver answered in time. */
        TIMEOUT,
        /** The resolvers answered with an error (SERVFAIL, REFUSED), or with aliases that loop or never end. */
        RESOLVER_FAILED,
        /** The IP location data is missing: the addresses were found but cannot be placed. */
        NO_LOCATION_DATA
    }

    /**
     * One address of the host.
     *
     * @param ip           the address: dotted quad, or IPv6 in its shortest form
     * @param version      4 or 6
     * @param onInternet   false for private, loopback, link-local, shared, documentation and reserved addresses, which
     *                     are never located
     * @param country      ISO 3166-1 alpha-2 code of the country the location data places it in; null when unknown
     * @param asn          the number of the autonomous system (network) that announces it; null when unknown
     * @param network      the name of that network's owner, as registered; null when unknown
     * @param cdn          the name of the CDN whose network it is in; null when none known
     */
    public record Address(String ip, int version, boolean onInternet, @Nullable String country, @Nullable Long asn,
            @Nullable String network, @Nullable String cdn) {

        private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

        public Address {
            Objects.requireNonNull(ip, "ip");
            if (version != 4 && version != 6) {
                throw new IllegalArgumentException("An IP address is of version 4 or 6, not " + version);
            }
            if (country != null && !COUNTRY_CODE.matcher(country).matches()) {
                throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 code: " + country);
            }
        }
    }
}
