package org.raporto.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends what is due in the outbox, on any number of nodes at once.
 * <p>
 * A node claims one message at a time: it marks it {@code SENDING} with a lease and a new attempt number in one
 * committed statement ({@code FOR UPDATE SKIP LOCKED}, so nodes never wait for nor take each other's messages), sends
 * it outside any transaction, then records the outcome. A message is thus sent by one node at a time; if that node
 * dies before recording the outcome, the lease runs out and another node sends the message again, with the same
 * {@code Message-ID}: a message is never lost, and sent twice only in that rare case. Failures are retried with
 * exponential back-off until the attempts run out, when the message becomes a dead letter. Sent or dead, the
 * message's address and key are erased.
 * <p>
 * Nothing that could name the recipient is logged: only ids, kinds and {@link Failures#describe cleaned errors}.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Envelopes envelopes;
    private final Letters letters;
    private final @Nullable JavaMailSender mailSender;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NotificationProperties.Delivery settings;

    Delivery(JdbcClient jdbc, TransactionTemplate transactions, Envelopes envelopes, Letters letters,
            ObjectProvider<JavaMailSender> mailSender, ApplicationEventPublisher events, Clock clock,
            NotificationProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.envelopes = envelopes;
        this.letters = letters;
        this.mailSender = mailSender.getIfAvailable();
        this.events = events;
        this.clock = clock;
        this.settings = properties.delivery();
        if (this.mailSender == null) {
            log.warn("No SMTP server is configured (spring.mail.host, SPRING_MAIL_HOST): e-mails are kept in the outbox"
                    + " and will be sent once one is.");
        }
    }

    /**
     * One round: sends every message that is due now, one after the other, until none is left.
     *
     * @return how many messages this call sent
     */
    int deliverDue() {
        if (mailSender == null) {
            return 0;
        }
        giveUpInterrupted();
        int sent = 0;
        for (Optional<Claim> claim = claimNext(); claim.isPresent(); claim = claimNext()) {
            if (deliver(claim.get(), mailSender)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Takes the message that has waited longest among those due: queued ones whose time has come, and sending ones
     * whose node let the lease run out. Committed at once (one statement), so other nodes see it taken.
     */
    private Optional<Claim> claimNext() {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE notification_message
                SET status = 'SENDING', attempts = attempts + 1, lease_until = :leaseUntil
                WHERE id = (
                    SELECT id FROM notification_message
                    WHERE (status = 'QUEUED' AND next_attempt_at <= :now)
                       OR (status = 'SENDING' AND lease_until <= :now AND attempts < :maxAttempts)
                    ORDER BY next_attempt_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, kind, language, data_key, recipient, link, attempts
                """)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(now.plus(settings.lease())))
                .param("maxAttempts", settings.maxAttempts())
                .query((row, number) -> new Claim(row.getObject("id", UUID.class), NoticeKind.valueOf(row.getString("kind")),
                        Language.fromCode(row.getString("language")).orElseThrow(), row.getBytes("data_key"),
                        row.getBytes("recipient"), row.getBytes("link"), row.getInt("attempts")))
                .optional();
    }

    private boolean deliver(Claim claim, JavaMailSender sender) {
        try {
            Envelope envelope = envelopes.open(claim.dataKey());
            String recipient = envelope.openText(Outbox.RECIPIENT_FIELD, claim.sealedRecipient());
            String link = claim.sealedLink() == null ? null : envelope.openText(Outbox.LINK_FIELD, claim.sealedLink());
            MimeMessage message = sender.createMimeMessage();
            letters.write(message, claim.id(), claim.kind(), claim.language(), recipient, link);
            sender.send(message);
        }
        catch (RuntimeException | MessagingException e) {
            // Whatever failed (the server, the key, the message), it is this message's failure: record it, go on.
            failed(claim, Failures.describe(e));
            return false;
        }
        sent(claim);
        return true;
    }

    /**
     * Records the message as sent, whoever sent it and whatever happened to the row meanwhile (this node's lease may
     * have run out, and another node failed or given up): it was sent all the same. Only the first to record it
     * publishes {@link MessageDelivered}, inside the transaction, so that listeners hear of it once it is committed.
     */
    private void sent(Claim claim) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            int recorded = jdbc.sql("""
                    UPDATE notification_message
                    SET status = 'SENT', sent_at = :now, data_key = NULL, recipient = NULL, link = NULL, lease_until = NULL, last_error = NULL
                    WHERE id = :id AND status <> 'SENT'
                    """)
                    .param("now", Timestamp.from(now))
                    .param("id", claim.id())
                    .update();
            if (recorded == 1) {
                events.publishEvent(new MessageDelivered(claim.id(), claim.kind(), now));
            }
        });
    }

    /**
     * Schedules the next try, or gives the message up after the last one. Only while the claim is still this node's
     * (same attempt): a late failure must not undo another node's claim or success.
     */
    private void failed(Claim claim, String error) {
        Instant now = clock.instant();
        boolean lastAttempt = claim.attempt() >= settings.maxAttempts();
        Instant next = now.plus(settings.retryAfter(claim.attempt()));
        jdbc.sql("""
                UPDATE notification_message
                SET status = CASE WHEN :dead THEN 'DEAD' ELSE 'QUEUED' END,
                    data_key = CASE WHEN :dead THEN NULL ELSE data_key END,
                    recipient = CASE WHEN :dead THEN NULL ELSE recipient END,
                    link = CASE WHEN :dead THEN NULL ELSE link END,
                    next_attempt_at = :next, lease_until = NULL, last_error = :error
                WHERE id = :id AND status = 'SENDING' AND attempts = :attempt
                """)
                .param("dead", lastAttempt)
                .param("next", Timestamp.from(next))
                .param("error", error)
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .update();
        if (lastAttempt) {
            log.error("E-mail {} ({}) given up after {} attempts: {}", claim.id(), claim.kind(), claim.attempt(), error);
        }
        else {
            log.warn("E-mail {} ({}) not sent, attempt {} of {}, next at {}: {}", claim.id(), claim.kind(), claim.attempt(),
                    settings.maxAttempts(), next, error);
        }
    }

    /** Messages whose last attempt was cut short (the node died) with no attempt left: dead letters too. */
    private void giveUpInterrupted() {
        List<UUID> givenUp = jdbc.sql("""
                UPDATE notification_message
                SET status = 'DEAD', data_key = NULL, recipient = NULL, link = NULL, lease_until = NULL,
                    last_error = 'The last attempt was interrupted before its outcome was known'
                WHERE status = 'SENDING' AND lease_until <= :now AND attempts >= :maxAttempts
                RETURNING id
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("maxAttempts", settings.maxAttempts())
                .query(UUID.class)
                .list();
        for (UUID id : givenUp) {
            log.error("E-mail {} given up: its last attempt was interrupted", id);
        }
    }

    /** A message this node has taken, with the attempt number that makes the claim its own. */
    private record Claim(UUID id, NoticeKind kind, Language language, byte[] dataKey, byte[] sealedRecipient, byte @Nullable [] sealedLink,
            int attempt) {
    }
}
