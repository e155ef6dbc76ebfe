package org.raporto.tracing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where reported content is hosted: traces of hosts asked for by other modules, done in the background by every
 * node, kept as a cache with an expiry, and redone on demand.
 * <p>
 * A host is given as a URL's host ({@link CanonicalUrl#host()}): a domain name (international names in any form), an
 * IPv4 address in any spelling a browser takes, or an IPv6 address with or without brackets. Text that is no such host
 * is never stored nor looked up; asking about it answers {@link HostingTrace.Reason#INVALID_HOST}.
 * <p>
 * Each finished trace is published as {@link HostingTraced}.
 */
@Service
public class HostingTraces {

    private final TraceStore store;
    private final Tracer tracer;
    private final TraceRecorder recorder;
    private final Clock clock;

    HostingTraces(TraceStore store, Tracer tracer, TraceRecorder recorder, Clock clock) {
        this.store = store;
        this.tracer = tracer;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Queues the hosts for tracing, in the caller's transaction: the request is committed, or rolled back, with the
     * action that needs it (a report's case), so that no host is traced for a case that was never saved. Idempotent: a
     * host already waiting, or traced and not expired, is not queued again. Hosts that are not valid are left out.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     *         ({@code MANDATORY}, as for the e-mail outbox): a request outside one would be committed on its own even if
     *         the caller's action then failed, which is exactly what this method exists to prevent
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(Collection<String> hosts) {
        Instant now = clock.instant();
        // In one order, so that two transactions queueing the same hosts never wait for each other in a circle.
        Map<String, Target> targets = new TreeMap<>();
        for (String host : hosts) {
            Target.parse(host).ifPresent(target -> targets.put(target.key(), target));
        }
        targets.values().forEach(target -> store.request(target, now));
    }

    /**
     * The latest about one host.
     *
     * @return its last trace (flagged when expired or when a newer one is queued), or why there is none yet
     *         ({@code PENDING}, {@code OFFLINE}); {@code INVALID_HOST} for text that is no host; empty for a valid
     *         host that nobody asked about
     */
    public Optional<HostingTrace> latest(String host) {
        return Optional.ofNullable(latest(List.of(host)).get(host));
    }

    /**
     * The latest about each host, as {@link #latest(String)}, in one query.
     *
     * @return by the host as given; hosts nobody asked about are not in it
     */
    public Map<String, HostingTrace> latest(Collection<String> hosts) {
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, HostingTrace> traces = new LinkedHashMap<>();
        for (String host : hosts) {
            Optional<Target> target = Target.parse(host);
            if (target.isPresent()) {
                targets.put(host, target.get());
            }
            else {
                traces.put(host, HostingTrace.notTraced(host, HostingTrace.Reason.INVALID_HOST, false));
            }
        }
        Map<String, TraceStore.Row> rows = store.find(targets.values().stream().map(Target::key).distinct().toList());
        Instant now = clock.instant();
        targets.forEach((host, target) -> {
            TraceStore.Row row = rows.get(target.key());
            if (row != null) {
                traces.put(host, trace(target, row, now));
            }
        });
        return traces;
    }

    /**
     * Traces the host now (an analyst's "trace again"), waits for the outcome, stores it as the host's latest and
     * publishes it. Failures in a row are counted anew from this trace. The DNS queries take up to a few times
     * {@code raporto.tracing.dns.timeout}: call it outside a transaction, so that no connection is held meanwhile.
     *
     * @return the outcome; {@code OFFLINE} (and nothing stored, the last trace kept) when the server is offline and
     *         the host is a name; {@code INVALID_HOST} (nothing stored) for text that is no host
     */
    public HostingTrace traceNow(String host) {
        Optional<Target> target = Target.parse(host);
        if (target.isEmpty()) {
            return HostingTrace.notTraced(host, HostingTrace.Reason.INVALID_HOST, false);
        }
        Tracer.Findings findings = tracer.trace(target.get());
        if (findings.failure() == HostingTrace.Reason.OFFLINE) {
            return HostingTrace.notTraced(target.get().key(), HostingTrace.Reason.OFFLINE, false);
        }
        return recorder.complete(target.get(), findings, 0);
    }

    private HostingTrace trace(Target target, TraceStore.Row row, Instant now) {
        if (row.outcome() == null) {
            boolean waitsForNetwork = tracer.offline() && target instanceof Target.Name;
            return HostingTrace.notTraced(target.key(), waitsForNetwork ? HostingTrace.Reason.OFFLINE : HostingTrace.Reason.PENDING, true);
        }
        HostingTrace.State state = HostingTrace.State.valueOf(row.outcome());
        HostingTrace.@Nullable Reason reason = row.reason() == null ? null : HostingTrace.Reason.valueOf(row.reason());
        Instant expiresAt = row.expiresAt();
        boolean expired = expiresAt != null && !expiresAt.isAfter(now);
        return new HostingTrace(target.key(), state, reason, row.aliases(), row.addresses(), row.tracedAt(), expiresAt,
                expired, row.queued());
    }
}
