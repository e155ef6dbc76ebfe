package org.raporto.tracing;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Traces the hosts that are due, on any number of nodes at once.
 * <p>
 * A node claims one host at a time: it sets a lease on it in one committed statement ({@code FOR UPDATE SKIP LOCKED},
 * so nodes never wait for nor take each other's hosts), traces it outside any transaction, then records the outcome
 * and publishes it. A host is thus traced by one node at a time; if that node dies, the lease runs out and another
 * traces the host again. Failures are retried with a growing wait until the attempts run out.
 * <p>
 * Offline, only hosts that are addresses are traced; names wait until the server is online again.
 */
@Component
class TraceWorker {

    private static final Logger log = LoggerFactory.getLogger(TraceWorker.class);

    private final TraceStore store;
    private final Tracer tracer;
    private final TraceRecorder recorder;
    private final Clock clock;
    private final TracingProperties.Worker settings;

    TraceWorker(TraceStore store, Tracer tracer, TraceRecorder recorder, Clock clock, TracingProperties properties) {
        this.store = store;
        this.tracer = tracer;
        this.recorder = recorder;
        this.clock = clock;
        this.settings = properties.worker();
    }

    /**
     * One round: traces every host that is due now, one after the other, until none is left.
     *
     * @return how many hosts this call traced (successfully or not)
     */
    int traceDue() {
        int traced = 0;
        for (Optional<TraceStore.Claim> claim = claim(); claim.isPresent(); claim = claim()) {
            if (trace(claim.get())) {
                traced++;
            }
            else {
                break;
            }
        }
        if (traced > 0) {
            log.debug("Traced {} hosts", traced);
        }
        return traced;
    }

    private Optional<TraceStore.Claim> claim() {
        return store.claimNext(clock.instant(), settings.lease(), !tracer.offline());
    }

    /** @return false when the host went back to the queue untraced */
    private boolean trace(TraceStore.Claim claim) {
        Optional<Target> target = Target.parse(claim.host());
        if (target.isEmpty()) {
            // Only valid hosts are queued; a row changed by hand is answered all the same.
            recorder.complete(new Target.Name(claim.host()), Tracer.Findings.failed(HostingTrace.Reason.INVALID_HOST), claim.attempts());
            return true;
        }
        Tracer.Findings findings;
        try {
            findings = tracer.trace(target.get());
        }
        catch (RuntimeException e) {
            // The host's failure, not the round's: recorded, retried later like any other.
            log.warn("A hosting trace failed unexpectedly: {}", e.getClass().getName());
            log.debug("Host {} failed", claim.host(), e);
            findings = Tracer.Findings.failed(HostingTrace.Reason.RESOLVER_FAILED);
        }
        if (findings.failure() == HostingTrace.Reason.OFFLINE) {
            store.release(claim.host());
            return false;
        }
        recorder.complete(target.get(), findings, claim.attempts());
        return true;
    }
}
