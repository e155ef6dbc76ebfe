package org.raporto.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators see of the outbox, and what they do with its dead letters. A dead letter keeps its sealed
 * address and text, so that a notice whose attempts ran out (the mail server was away for days, an agency's server
 * refused it) is not lost: an administrator sends it again once the cause is mended, or discards it. What nobody acts
 * on is erased after {@code raporto.notification.dead-letters.kept-for}. Every such step is audited.
 * <p>
 * Nothing here shows or logs an address or a text: administrators see kinds, times, attempts and cleaned errors.
 */
@Service
public class DeadLetters {

    static final String OBJECT = "message";

    /** The page lists this many dead letters, newest first; the counts say how many there are in all. */
    static final int LISTED = 100;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Delivery delivery;
    private final Clock clock;
    private final Duration keptFor;

    DeadLetters(JdbcClient jdbc, AuditLog audit, Delivery delivery, Clock clock, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.delivery = delivery;
        this.clock = clock;
        this.keptFor = properties.deadLetters().keptFor();
    }

    /** The outbox at a glance: how many messages in each state, how long the oldest has waited, the dead letters. */
    @Transactional(readOnly = true)
    public OutboxOverview overview() {
        Instant now = clock.instant();
        Map<String, Object> counts = jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'QUEUED') AS queued,
                       count(*) FILTER (WHERE status = 'SENDING') AS sending,
                       count(*) FILTER (WHERE status = 'SENT') AS sent,
                       count(*) FILTER (WHERE status = 'DEAD' AND data_key IS NOT NULL) AS dead,
                       count(*) FILTER (WHERE status = 'DEAD' AND data_key IS NULL) AS erased,
                       min(created_at) FILTER (WHERE status IN ('QUEUED', 'SENDING')) AS oldest
                FROM notification_message
                """).query().singleRow();
        List<DeadLetter> dead = jdbc.sql("""
                SELECT id, kind, created_at, dead_at, attempts, last_error FROM notification_message
                WHERE status = 'DEAD' AND data_key IS NOT NULL
                ORDER BY dead_at DESC, id
                LIMIT :limit
                """)
                .param("limit", LISTED)
                .query((row, number) -> new DeadLetter(row.getObject("id", UUID.class), NoticeKind.valueOf(row.getString("kind")),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getObject("dead_at", OffsetDateTime.class).toInstant(),
                        row.getObject("dead_at", OffsetDateTime.class).toInstant().plus(keptFor), row.getInt("attempts"),
                        row.getString("last_error")))
                .list();
        Instant oldest = counts.get("oldest") == null ? null : ((Timestamp) counts.get("oldest")).toInstant();
        return new OutboxOverview(delivery.hasMailServer(), count(counts, "queued"), count(counts, "sending"), count(counts, "sent"),
                count(counts, "dead"), count(counts, "erased"), oldest, oldest == null ? null : Duration.between(oldest, now), keptFor, dead);
    }

    /**
     * Puts a dead letter back in the queue, due now, with its attempts counted from nought again.
     *
     * @return false when there is no such dead letter with its data (sent again or discarded meanwhile, or erased)
     */
    @Transactional
    public boolean sendAgain(UUID id, Actor by) {
        List<Map<String, Object>> changed = jdbc.sql("""
                UPDATE notification_message m
                SET status = 'QUEUED', attempts = 0, next_attempt_at = :now, dead_at = NULL, last_error = NULL
                FROM (SELECT id, attempts FROM notification_message WHERE id = :id FOR UPDATE) before
                WHERE m.id = before.id AND m.status = 'DEAD' AND m.data_key IS NOT NULL
                RETURNING m.kind, before.attempts
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .query().listOfRows();
        return audited(id, changed, AuditAction.DEAD_LETTER_SENT_AGAIN, by);
    }

    /**
     * Erases a dead letter's sealed address, text and key: it can never be sent. The row stays, as for a sent message,
     * for the counts.
     *
     * @return false when there is no such dead letter with its data
     */
    @Transactional
    public boolean discard(UUID id, Actor by) {
        List<Map<String, Object>> changed = jdbc.sql("""
                UPDATE notification_message
                SET data_key = NULL, recipient = NULL, link = NULL, subject = NULL, body = NULL, reply_to = NULL
                WHERE id = :id AND status = 'DEAD' AND data_key IS NOT NULL
                RETURNING kind, attempts
                """)
                .param("id", id)
                .query().listOfRows();
        return audited(id, changed, AuditAction.DEAD_LETTER_DISCARDED, by);
    }

    /**
     * Erases the data of dead letters given up longer ago than they are kept. One statement: on several nodes at once,
     * a row erased by one is no longer due for the other, so each erasure is audited once.
     *
     * @return how many were erased
     */
    @Transactional
    public int eraseExpired() {
        List<Map<String, Object>> erased = jdbc.sql("""
                UPDATE notification_message
                SET data_key = NULL, recipient = NULL, link = NULL, subject = NULL, body = NULL, reply_to = NULL
                WHERE status = 'DEAD' AND data_key IS NOT NULL AND dead_at <= :before
                RETURNING id, kind
                """)
                .param("before", Timestamp.from(clock.instant().minus(keptFor)))
                .query().listOfRows();
        for (Map<String, Object> row : erased) {
            audit.record(Actor.system(), AuditAction.DEAD_LETTER_ERASED, OBJECT, row.get("id").toString(),
                    Map.of("kind", (String) row.get("kind"), "keptFor", keptFor.toString()));
        }
        if (!erased.isEmpty()) {
            log.info("Erased the address and text of {} dead letters kept for {}", erased.size(), keptFor);
        }
        return erased.size();
    }

    private boolean audited(UUID id, List<Map<String, Object>> changed, AuditAction action, Actor by) {
        if (changed.isEmpty()) {
            return false;
        }
        Map<String, Object> row = changed.get(0);
        audit.record(by, action, OBJECT, id.toString(), Map.of("kind", (String) row.get("kind"), "attempts", row.get("attempts").toString()));
        log.info("E-mail {} ({}): {}", id, row.get("kind"), action);
        return true;
    }

    private static long count(Map<String, Object> counts, String name) {
        return ((Number) counts.get(name)).longValue();
    }

    /**
     * A message whose attempts ran out, still holding its sealed data.
     *
     * @param erasedAfter when its data will be erased unless someone acts before
     * @param lastError   what went wrong last, without addresses; null only for letters given up before errors were kept
     */
    public record DeadLetter(UUID id, NoticeKind kind, Instant createdAt, Instant deadAt, Instant erasedAfter, int attempts,
            @Nullable String lastError) {
    }

    /**
     * @param mailServerConfigured false when {@code spring.mail.host} is unset: nothing is sent, messages are held
     * @param dead                 dead letters that can still be sent again
     * @param erased               dead letters whose data was discarded or erased
     * @param oldestWaiting        when the oldest message not yet sent (queued or being sent) was queued; null if none
     * @param oldestWaitingFor     how long it has waited
     * @param deadLetters          the newest {@value DeadLetters#LISTED} of the {@code dead}
     */
    public record OutboxOverview(boolean mailServerConfigured, long queued, long sending, long sent, long dead, long erased,
            @Nullable Instant oldestWaiting, @Nullable Duration oldestWaitingFor, Duration keptFor, List<DeadLetter> deadLetters) {
    }
}
