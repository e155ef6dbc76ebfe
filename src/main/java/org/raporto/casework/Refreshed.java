package org.raporto.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read from the database at most every {@link #FRESH_FOR}, so that no page waits for a query and every node
 * follows a change made on another within half a minute; the node that makes a change reads it again at once.
 */
final class Refreshed<T> {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final Supplier<T> read;
    private final Clock clock;
    /** Counts changes, so that a value read before a change cannot be kept after it. */
    private final AtomicLong changes = new AtomicLong();
    private volatile @Nullable Snapshot<T> snapshot;

    Refreshed(Supplier<T> read, Clock clock) {
        this.read = read;
        this.clock = clock;
    }

    T get() {
        Snapshot<T> known = snapshot;
        Instant now = clock.instant();
        if (known != null && !now.isBefore(known.readAt()) && now.isBefore(known.readAt().plus(FRESH_FOR))) {
            return known.value();
        }
        long before = changes.get();
        T value = read.get();
        if (changes.get() == before) {
            snapshot = new Snapshot<>(value, now);
        }
        return value;
    }

    /**
     * Forgets the value now, and again when the caller's transaction ends: a value read inside it may hold what it
     * wrote, which a rollback takes back.
     */
    void forget() {
        changes.incrementAndGet();
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    snapshot = null;
                }
            });
        }
    }

    private record Snapshot<T>(T value, Instant readAt) {
    }
}
