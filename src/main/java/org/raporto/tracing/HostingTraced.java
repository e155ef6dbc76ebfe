package org.raporto.tracing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A host was traced, by the background worker or on demand, and its outcome is now its latest. Published inside the
 * transaction that stores the outcome: {@code @TransactionalEventListener}s hear of it once it is committed.
 * <p>
 * A trace that failed says nothing about where the host is: a listener keeping a hosting country of its own should
 * keep what it had when {@code state} is {@code NOT_TRACED}.
 *
 * @param host      the host as traces know it (see {@link HostingTrace#host()})
 * @param state     traced or not
 * @param reason    why not; null when traced
 * @param country   the hosting country (ISO 3166-1 alpha-2) when there is exactly one and the host is not behind a CDN
 * @param countries the countries of its addresses outside CDNs, in alphabetical order
 * @param behindCdn whether it is behind a CDN: real host unknown
 * @param tracedAt  when it was traced
 */
public record HostingTraced(String host, HostingTrace.State state, HostingTrace.@Nullable Reason reason,
        @Nullable String country, List<String> countries, boolean behindCdn, Instant tracedAt) {

    public HostingTraced {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tracedAt, "tracedAt");
        countries = List.copyOf(countries);
    }

    static HostingTraced of(HostingTrace trace) {
        return new HostingTraced(trace.host(), trace.state(), trace.reason(), trace.hostingCountry().orElse(null),
                trace.countries(), trace.behindCdn(), Objects.requireNonNull(trace.tracedAt(), "tracedAt"));
    }
}
