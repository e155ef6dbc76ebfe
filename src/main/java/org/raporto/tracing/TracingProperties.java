package org.raporto.tracing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hosts are traced, and for how long a trace holds.
 *
 * @param dns       the resolvers asked and how long they may take
 * @param worker    the background tracing of requested hosts
 * @param tracedFor how long a successful trace holds before it is old (expired)
 * @param retry     when a failed trace is tried again, and how often
 * @param data      where the IP location data is: a directory holding {@code dbip-country-mmdb/dbip-country.mmdb},
 *                  {@code asn/asn-ipv4.csv} and {@code asn/asn-ipv6.csv} (a Spring resource location)
 * @param cdnRanges the file of CDN networks ({@code name cidr} lines; a Spring resource location)
 * @param rdap      where registration data is asked for (RDAP): a base address under which {@code ip/{address}} and
 *                  {@code domain/{name}} answer, such as the redirector {@code https://rdap.org/}
 */
@ConfigurationProperties("raporto.tracing")
record TracingProperties(
        @DefaultValue DnsSettings dns,
        @DefaultValue Worker worker,
        @DefaultValue("24h") Duration tracedFor,
        @DefaultValue Retry retry,
        @DefaultValue("classpath:tracing/ip-data/") String data,
        @DefaultValue("classpath:tracing/cdn-ranges.txt") String cdnRanges,
        @DefaultValue("https://rdap.org/") URI rdap) {

    /** One trace asks at most this many queries in a normal case (A and AAAA) and rarely more (aliases). */
    private static final int QUERIES_A_LEASE_MUST_OUTLAST = 10;

    TracingProperties {
        requirePositive("traced-for", tracedFor);
        if (worker.lease().compareTo(dns.timeout().multipliedBy(QUERIES_A_LEASE_MUST_OUTLAST)) < 0) {
            throw new IllegalArgumentException("raporto.tracing.worker.lease must be at least " + QUERIES_A_LEASE_MUST_OUTLAST
                    + " times raporto.tracing.dns.timeout, or another node would take a host that is still being traced");
        }
        if (!data.endsWith("/")) {
            data = data + "/";
        }
        if (!rdap.isAbsolute() || !("https".equals(rdap.getScheme()) || "http".equals(rdap.getScheme()))) {
            throw new IllegalArgumentException("raporto.tracing.rdap must be an absolute http(s) address, not " + rdap);
        }
        if (!rdap.getPath().endsWith("/")) {
            rdap = URI.create(rdap + "/");
        }
    }

    /**
     * @param resolvers {@code host[:port]} of the resolvers to ask, IP addresses; empty: the system's
     * @param timeout   how long one query may take, all resolvers together
     */
    record DnsSettings(@DefaultValue List<String> resolvers, @DefaultValue("5s") Duration timeout) {

        DnsSettings {
            requirePositive("dns.timeout", timeout);
            resolvers = resolvers.stream().map(String::strip).filter(resolver -> !resolver.isEmpty()).toList();
            resolvers.forEach(Dns::server);
        }
    }

    /**
     * @param enabled  whether this node traces requested hosts in the background
     * @param interval the pause between two rounds
     * @param lease    how long a node may take over one host before another takes it for abandoned
     */
    record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration interval,
            @DefaultValue("2m") Duration lease) {

        Worker {
            requirePositive("worker.interval", interval);
            requirePositive("worker.lease", lease);
        }
    }

    /**
     * @param maxAttempts   traces of a host that fail in a row before it is left until requested again
     * @param firstAfter    the wait after the first failure; it doubles after each further one…
     * @param longestAfter  …up to this
     */
    record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("5m") Duration firstAfter,
            @DefaultValue("6h") Duration longestAfter) {

        Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("raporto.tracing.retry.max-attempts must be at least 1, not " + maxAttempts);
            }
            requirePositive("retry.first-after", firstAfter);
            requirePositive("retry.longest-after", longestAfter);
            if (longestAfter.compareTo(firstAfter) < 0) {
                throw new IllegalArgumentException("raporto.tracing.retry.longest-after must not be shorter than first-after");
            }
        }

        /** The wait after the given number of failures in a row: first-after × 2^(failures − 1), capped. */
        Duration after(int failures) {
            Duration wait = firstAfter;
            for (int i = 1; i < failures && wait.compareTo(longestAfter) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(longestAfter) > 0 ? longestAfter : wait;
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("raporto.tracing." + name + " must be positive, not " + value);
        }
    }
}
