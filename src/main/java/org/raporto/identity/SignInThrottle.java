package org.raporto.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.raporto.shared.crypto.LookupHashes;
import org.raporto.shared.web.RateLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A growing wait after failed sign-ins, kept per keyed hash of what was tried (the e-mail typed, known or not; the
 * account at the second step), in the database so that every node counts the same. Three failures are free; then
 * 2, 4, 8… seconds up to 15 minutes. A success clears it.
 */
@Service
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final LookupHashes hashes;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, LookupHashes hashes, Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.clock = clock;
    }

    /** How long to wait before the next try with this key; empty when it may be tried now. */
    public Optional<Duration> waitFor(String key) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT next_attempt_at FROM identity_throttle WHERE key_hash = ?").param(hash(key))
                .query((row, n) -> row.getTimestamp(1).toInstant()).optional()
                .filter(next -> next.isAfter(now))
                .map(next -> Duration.between(now, next));
    }

    /** Counted even when the sign-in's own transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String key) {
        int failures = jdbc.sql("""
                INSERT INTO identity_throttle (key_hash, failures, next_attempt_at) VALUES (?, 1, ?)
                ON CONFLICT (key_hash) DO UPDATE SET failures = identity_throttle.failures + 1
                RETURNING failures""")
                .params(hash(key), Timestamp.from(clock.instant()))
                .query(Integer.class).single();
        jdbc.sql("UPDATE identity_throttle SET next_attempt_at = ? WHERE key_hash = ?")
                .params(Timestamp.from(clock.instant().plus(delay(failures))), hash(key)).update();
    }

    public void succeeded(String key) {
        jdbc.sql("DELETE FROM identity_throttle WHERE key_hash = ?").param(hash(key)).update();
    }

    static Duration delay(int failures) {
        return RateLimits.backOff(failures, 3);
    }

    private byte[] hash(String key) {
        return hashes.of("sign-in-throttle", key);
    }
}
