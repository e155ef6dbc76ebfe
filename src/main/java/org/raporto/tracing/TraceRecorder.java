package org.raporto.tracing;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes a trace's findings the host's latest outcome, for the background worker and for traces on demand alike. */
@Component
class TraceRecorder {

    /** Outcomes that no retry would change: kept as long as a success. */
    private static final Set<HostingTrace.Reason> DEFINITIVE = EnumSet.of(HostingTrace.Reason.ONION,
            HostingTrace.Reason.SPECIAL_USE_NAME, HostingTrace.Reason.INVALID_HOST);

    private final TraceStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TracingProperties properties;

    TraceRecorder(TraceStore store, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
            TracingProperties properties) {
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Stores a trace's findings as the host's latest and publishes them, in one transaction (the caller's if there is
     * one), and queues a retry after a failure that another try may mend.
     *
     * @param failuresBefore failed traces of the host in a row before this one
     */
    HostingTrace complete(Target target, Tracer.Findings findings, int failuresBefore) {
        Instant now = clock.instant();
        HostingTrace.@Nullable Reason failure = findings.failure();
        int failures = failure == null || DEFINITIVE.contains(failure) ? 0 : failuresBefore + 1;
        Instant expiresAt = failures == 0 ? now.plus(properties.tracedFor()) : now.plus(properties.retry().after(failures));
        Instant retryAt = failures > 0 && failures < properties.retry().maxAttempts() ? expiresAt : null;
        HostingTrace trace = new HostingTrace(target.key(), failure == null ? HostingTrace.State.TRACED : HostingTrace.State.NOT_TRACED,
                failure, findings.aliases(), findings.addresses(), now, expiresAt, false, retryAt != null);
        transactions.executeWithoutResult(status -> {
            store.store(target, findings, trace, now, expiresAt, failures, retryAt);
            events.publishEvent(HostingTraced.of(trace));
        });
        return trace;
    }
}
