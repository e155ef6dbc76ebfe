package org.raporto.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where modules leave e-mails to be sent. A notice is stored, not sent: it becomes visible to the delivery only when
 * the caller's transaction commits, and disappears if it rolls back, so there is never an e-mail about something that
 * did not happen, nor something that happened without its e-mail. Delivery then tries until the SMTP server accepts
 * the message or the attempts run out.
 */
@Service
public class Outbox {

    static final String RECIPIENT_FIELD = "recipient";
    static final String LINK_FIELD = "link";
    static final String SUBJECT_FIELD = "subject";
    static final String BODY_FIELD = "body";
    static final String REPLY_TO_FIELD = "replyTo";

    private final JdbcClient jdbc;
    private final Envelopes envelopes;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Envelopes envelopes, Clock clock) {
        this.jdbc = jdbc;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    /**
     * Queues the notice in the caller's transaction, its address (and link, or composed text) sealed with a data key of
     * its own. Keep the id to follow the message: {@link MessageDelivered} says the SMTP server accepted it,
     * {@link MessageGivenUp} that it became a dead letter, which an administrator may still send again (then
     * {@link MessageDelivered} follows) or discard.
     *
     * @return the message's id, which {@link MessageDelivered} and {@link MessageGivenUp} will carry
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction:
     *         a notice must be committed, or rolled back, together with the action it tells about
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(Notice notice) {
        UUID id = UUID.randomUUID();
        Envelope envelope = envelopes.create();
        Timestamp now = Timestamp.from(clock.instant());
        ComposedText text = notice.text();
        jdbc.sql("""
                INSERT INTO notification_message (id, kind, language, data_key, recipient, link, subject, body, reply_to, status,
                    next_attempt_at, created_at)
                VALUES (:id, :kind, :language, :dataKey, :recipient, :link, :subject, :body, :replyTo, 'QUEUED', :now, :now)
                """)
                .param("id", id)
                .param("kind", notice.kind().name())
                .param("language", notice.language().code())
                .param("dataKey", envelope.wrappedKey())
                .param("recipient", envelope.sealText(RECIPIENT_FIELD, notice.recipient()))
                .param("link", notice.link() == null ? null : envelope.sealText(LINK_FIELD, notice.link()))
                .param("subject", text == null ? null : envelope.sealText(SUBJECT_FIELD, text.subject()))
                .param("body", text == null ? null : envelope.sealText(BODY_FIELD, text.body()))
                .param("replyTo", text == null || text.replyTo() == null ? null : envelope.sealText(REPLY_TO_FIELD, text.replyTo()))
                .param("now", now)
                .update();
        return id;
    }
}
