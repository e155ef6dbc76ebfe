package org.raporto.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends what is due in the outbox, on any number of nodes at once.
 * <p>
 * A node claims one message at a time: it marks it {@code SENDING} with a lease and a new attempt number in one
 * committed statement ({@code FOR UPDATE SKIP LOCKED}, so nodes never wait for nor take each other's messages), sends
 * it outside any transaction, then records the outcome. Failures are retried with exponential back-off until the
 * attempts run out, when the message becomes a dead letter ({@link MessageGivenUp}); a dead letter keeps its sealed
 * data until an administrator sends it again or discards it, or the retention erases it ({@link DeadLetters}). Once
 * sent, the message's address, text and key are erased.
 * <p>
 * <b>What is guaranteed</b> (decision 0007): <i>never lost</i> — a message leaves the outbox only when the SMTP server
 * has accepted it, or as a dead letter an administrator can see and send again; and <i>at least once, with one
 * {@code Message-ID}</i> — every copy is the same message, which mail programs and ticket systems that notice such
 * things show once. <i>Exactly once</i> is not possible over SMTP: the server's "250 accepted" and this node's record of
 * it cannot be made one step (SMTP has no idempotent submission), so a node that dies, or loses its database or the
 * connection, between the two cannot tell "accepted" from "not accepted", and sending again is the only choice that
 * never loses a notice. What remains of "sent twice" is narrowed to that gap:
 * <ul>
 * <li>the outcome is recorded in the statement right after the server's answer;</li>
 * <li>a failure to close the connection after the server accepted the message (QUIT lost) counts as sent, not as a
 * failure to retry;</li>
 * <li>a node only takes a message over once the lease has run out, and the lease must be longer than the SMTP
 * timeouts together (checked at start), so a slow but living node is not doubled by another;</li>
 * <li>a message whose last attempt was cut short becomes a dead letter rather than being sent a further time.</li>
 * </ul>
 * <p>
 * Nothing that could name the recipient is logged, nor anything of a composed text: only ids, kinds and
 * {@link Failures#describe cleaned errors}.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    static final String INTERRUPTED = "The last attempt was interrupted before its outcome was known";

    /** What Spring's {@link JavaMailSenderImpl} says when QUIT failed after the server accepted every message. */
    private static final String CLOSED_AFTER_SENDING = "Failed to close server connection after message sending";

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
        else if (this.mailSender instanceof JavaMailSenderImpl configured) {
            checkTimeouts(configured, settings.lease());
        }
    }

    /** Whether there is an SMTP server to send through; without one, messages wait in the outbox. */
    boolean hasMailServer() {
        return mailSender != null;
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
                RETURNING id, kind, language, data_key, recipient, link, subject, body, reply_to, attempts
                """)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(now.plus(settings.lease())))
                .param("maxAttempts", settings.maxAttempts())
                .query((row, number) -> new Claim(row.getObject("id", UUID.class), NoticeKind.valueOf(row.getString("kind")),
                        Language.fromCode(row.getString("language")).orElseThrow(), row.getBytes("data_key"),
                        row.getBytes("recipient"), row.getBytes("link"), row.getBytes("subject"), row.getBytes("body"),
                        row.getBytes("reply_to"), row.getInt("attempts")))
                .optional();
    }

    private boolean deliver(Claim claim, JavaMailSender sender) {
        try {
            Envelope envelope = envelopes.open(claim.dataKey());
            String recipient = envelope.openText(Outbox.RECIPIENT_FIELD, claim.sealedRecipient());
            String link = claim.sealedLink() == null ? null : envelope.openText(Outbox.LINK_FIELD, claim.sealedLink());
            ComposedText text = claim.sealedSubject() == null || claim.sealedBody() == null ? null
                    : new ComposedText(envelope.openText(Outbox.SUBJECT_FIELD, claim.sealedSubject()),
                            envelope.openText(Outbox.BODY_FIELD, claim.sealedBody()),
                            claim.sealedReplyTo() == null ? null : envelope.openText(Outbox.REPLY_TO_FIELD, claim.sealedReplyTo()));
            MimeMessage message = sender.createMimeMessage();
            letters.write(message, claim.id(), claim.kind(), claim.language(), recipient, link, text);
            sender.send(message);
        }
        catch (MailSendException e) {
            if (!acceptedBeforeClosing(e)) {
                failed(claim, Failures.describe(e));
                return false;
            }
            log.warn("E-mail {} ({}) accepted by the SMTP server; closing the connection failed afterwards: {}", claim.id(),
                    claim.kind(), Failures.describe(e));
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
                    SET status = 'SENT', sent_at = :now, data_key = NULL, recipient = NULL, link = NULL, subject = NULL, body = NULL,
                        reply_to = NULL, lease_until = NULL, dead_at = NULL, last_error = NULL
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
     * (same attempt): a late failure must not undo another node's claim or success. A dead letter keeps its sealed data
     * (see {@link DeadLetters}); {@link MessageGivenUp} is published with the change, in its transaction.
     */
    private void failed(Claim claim, String error) {
        Instant now = clock.instant();
        boolean lastAttempt = claim.attempt() >= settings.maxAttempts();
        Instant next = now.plus(settings.retryAfter(claim.attempt()));
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            int changed = jdbc.sql("""
                    UPDATE notification_message
                    SET status = CASE WHEN :dead THEN 'DEAD' ELSE 'QUEUED' END,
                        dead_at = CASE WHEN :dead THEN CAST(:now AS timestamptz) END,
                        next_attempt_at = :next, lease_until = NULL, last_error = :error
                    WHERE id = :id AND status = 'SENDING' AND attempts = :attempt
                    """)
                    .param("dead", lastAttempt)
                    .param("now", Timestamp.from(now))
                    .param("next", Timestamp.from(next))
                    .param("error", error)
                    .param("id", claim.id())
                    .param("attempt", claim.attempt())
                    .update();
            if (changed == 1 && lastAttempt) {
                events.publishEvent(new MessageGivenUp(claim.id(), claim.kind(), now, error));
            }
            return changed == 1;
        }));
        if (!recorded) {
            log.warn("E-mail {} ({}) not sent at attempt {}, which another node had taken over meanwhile: {}", claim.id(), claim.kind(),
                    claim.attempt(), error);
        }
        else if (lastAttempt) {
            log.error("E-mail {} ({}) given up after {} attempts, kept as a dead letter: {}", claim.id(), claim.kind(), claim.attempt(), error);
        }
        else {
            log.warn("E-mail {} ({}) not sent, attempt {} of {}, next at {}: {}", claim.id(), claim.kind(), claim.attempt(),
                    settings.maxAttempts(), next, error);
        }
    }

    /**
     * Messages whose last attempt was cut short (the node died) with no attempt left: dead letters too, kept to be sent
     * again by hand. The server may have accepted that last attempt, so another automatic one could be a second copy.
     */
    private void giveUpInterrupted() {
        Instant now = clock.instant();
        List<Claimed> givenUp = transactions.execute(status -> {
            List<Claimed> dead = jdbc.sql("""
                    UPDATE notification_message
                    SET status = 'DEAD', dead_at = :now, lease_until = NULL, last_error = :error
                    WHERE status = 'SENDING' AND lease_until <= :now AND attempts >= :maxAttempts
                    RETURNING id, kind
                    """)
                    .param("now", Timestamp.from(now))
                    .param("error", INTERRUPTED)
                    .param("maxAttempts", settings.maxAttempts())
                    .query((row, number) -> new Claimed(row.getObject("id", UUID.class), NoticeKind.valueOf(row.getString("kind"))))
                    .list();
            dead.forEach(message -> events.publishEvent(new MessageGivenUp(message.id(), message.kind(), now, INTERRUPTED)));
            return dead;
        });
        for (Claimed message : givenUp == null ? List.<Claimed>of() : givenUp) {
            log.error("E-mail {} ({}) given up: its last attempt was interrupted; kept as a dead letter", message.id(), message.kind());
        }
    }

    /**
     * Whether Spring's sender failed only to close the connection after every message was accepted: the server said
     * "250" to the message, and QUIT (or the socket) failed after. Sending again would be a second copy.
     */
    static boolean acceptedBeforeClosing(MailSendException failure) {
        return failure.getFailedMessages().isEmpty() && failure.getMessage() != null
                && failure.getMessage().startsWith(CLOSED_AFTER_SENDING);
    }

    /**
     * The lease must outlast a whole send, or another node takes over a message a slow node is still sending, and both
     * send it. The JavaMail timeouts bound each step (connect, each read, each write); unset means "wait for ever".
     *
     * @throws IllegalStateException when the timeouts together are not shorter than the lease
     */
    static void checkTimeouts(JavaMailSenderImpl sender, Duration lease) {
        String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
        long total = 0;
        for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
            String value = sender.getJavaMailProperties().getProperty("mail." + protocol + "." + timeout);
            if (value == null || value.isBlank()) {
                log.warn("mail.{}.{} is not set: a send may wait for ever, and outlast its lease of {}", protocol, timeout, lease);
                return;
            }
            total += Long.parseLong(value.strip());
        }
        if (Duration.ofMillis(total).compareTo(lease) >= 0) {
            throw new IllegalStateException("raporto.notification.delivery.lease (" + lease + ") must be longer than the SMTP timeouts"
                    + " together (spring.mail.properties.mail." + protocol + ".connectiontimeout, .timeout, .writetimeout: " + total + " ms)");
        }
    }

    /** A message this node has taken, with the attempt number that makes the claim its own. */
    private record Claim(UUID id, NoticeKind kind, Language language, byte[] dataKey, byte[] sealedRecipient, byte @Nullable [] sealedLink,
            byte @Nullable [] sealedSubject, byte @Nullable [] sealedBody, byte @Nullable [] sealedReplyTo, int attempt) {
    }

    private record Claimed(UUID id, NoticeKind kind) {
    }
}
