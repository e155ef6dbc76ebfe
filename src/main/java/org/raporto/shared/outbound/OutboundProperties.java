package org.raporto.shared.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every request the server makes to the internet obeys (the {@link SafeFetcher}), and whether it may make any.
 * <p>
 * Offline, no request leaves the machine: no DNS query, no online check of a reported address. The features that
 * would need one still work with what they have, and say plainly what they could not do ("not traced: offline").
 * Useful on an isolated analysis network, and in the tests, which must never touch the internet.
 *
 * @param offline         true: nothing leaves the machine
 * @param connectTimeout  how long resolving a name and opening a connection (with its TLS handshake) may take
 * @param readTimeout     how long the server may stay silent while answering
 * @param totalTimeout    how long one fetch may take from start to end, redirects and waits for the host's turn
 *                        included: a server that trickles one byte a second is cut off here
 * @param maxBytes        how much of a body is read at most; the rest is never read (the connection is dropped)
 * @param maxRedirects    how many redirects are followed, each to a target checked anew
 * @param allowPrivate    true: private, loopback and reserved addresses may be reached too. Only for tests, which
 *                        start their servers on 127.0.0.1; never in production, where such an address would be the
 *                        hotline's own network
 * @param proxy           {@code http://host:port} of an HTTP proxy every request goes through, so that suspects see
 *                        the proxy's address and never the hotline's; null: direct. The proxy resolves the names then,
 *                        so it must itself refuse private targets (addresses written in a URL are still checked here)
 * @param perHostInterval the least time between two requests to the same host from this node (politeness; each node
 *                        keeps its own count, so N nodes may together ask a host N times as often)
 * @param userAgent       sent with every request: a common browser's, so that a suspect's server cannot tell a
 *                        hotline's check from a visit (and serve it something else)
 */
@ConfigurationProperties("raporto.outbound")
public record OutboundProperties(
        @DefaultValue("false") boolean offline,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30s") Duration totalTimeout,
        @DefaultValue("64KB") DataSize maxBytes,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("false") boolean allowPrivate,
        @Nullable URI proxy,
        @DefaultValue("1s") Duration perHostInterval,
        @DefaultValue(DEFAULT_USER_AGENT) String userAgent) {

    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @ConstructorBinding
    public OutboundProperties {
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("read-timeout", readTimeout);
        requirePositive("total-timeout", totalTimeout);
        if (perHostInterval.isNegative()) {
            throw new IllegalArgumentException("raporto.outbound.per-host-interval must not be negative, not " + perHostInterval);
        }
        if (maxBytes.toBytes() < 0 || maxBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("raporto.outbound.max-bytes must be between 0 and 2 GB, not " + maxBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("raporto.outbound.max-redirects must be between 0 and 20, not " + maxRedirects);
        }
        if (proxy != null && (proxy.getHost() == null || proxy.getPort() < 1
                || !"http".equals(String.valueOf(proxy.getScheme()).toLowerCase(Locale.ROOT)))) {
            throw new IllegalArgumentException("raporto.outbound.proxy must be http://host:port, not " + proxy);
        }
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("raporto.outbound.user-agent must be printable ASCII, and not blank");
        }
    }

    /** The defaults, online or not: for code and tests that build their own. */
    public OutboundProperties(boolean offline) {
        this(offline, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), DataSize.ofKilobytes(64), 5,
                false, null, Duration.ofSeconds(1), DEFAULT_USER_AGENT);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("raporto.outbound." + name + " must be positive, not " + value);
        }
    }
}
