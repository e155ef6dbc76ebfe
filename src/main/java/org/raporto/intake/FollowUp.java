package org.raporto.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.raporto.shared.crypto.LookupHashes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reporter sees when they come back with their receipt: the status of their report and the messages with the
 * hotline, and a way to write again. The receipt is looked up by its keyed hash only.
 */
@Service
public class FollowUp {

    public static final int MAX_MESSAGE = 5000;

    private final JdbcClient jdbc;
    private final Envelopes envelopes;
    private final LookupHashes hashes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUp(JdbcClient jdbc, Envelopes envelopes, LookupHashes hashes, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.envelopes = envelopes;
        this.hashes = hashes;
        this.events = events;
        this.clock = clock;
    }

    /** The report this receipt belongs to, if any. */
    public Optional<ReportId> find(Receipt receipt) {
        return jdbc.sql("SELECT id FROM intake_report WHERE receipt_hash = ? AND data_key IS NOT NULL")
                .param(hashes.of(ReportIntake.RECEIPT_PURPOSE, receipt.value()))
                .query(UUID.class).optional().map(ReportId::new);
    }

    /** The report as its reporter may see it: reference, status and messages, oldest first. */
    @Transactional(readOnly = true)
    public Optional<ReporterView> view(ReportId id) {
        return jdbc.sql("SELECT reference, status, data_key FROM intake_report WHERE id = ? AND data_key IS NOT NULL")
                .param(id.value())
                .query((row, number) -> {
                    Envelope envelope = envelopes.open(row.getBytes("data_key"));
                    List<Message> messages = jdbc.sql("SELECT author, body, sent_at FROM intake_message WHERE report_id = ? ORDER BY sent_at, id")
                            .param(id.value())
                            .query((message, n) -> new Message(Message.Author.valueOf(message.getString("author")),
                                    envelope.openText("message", message.getBytes("body")), message.getTimestamp("sent_at").toInstant()))
                            .list();
                    return new ReporterView(row.getString("reference"), ReportStatus.valueOf(row.getString("status")), messages);
                })
                .optional();
    }

    /** Adds the reporter's message, sealed with the report's key. */
    @Transactional
    public void reply(ReportId id, String text) {
        String body = text.strip();
        if (body.isEmpty() || body.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("A message has 1 to " + MAX_MESSAGE + " characters");
        }
        var report = jdbc.sql("SELECT reference, data_key FROM intake_report WHERE id = ? AND data_key IS NOT NULL FOR UPDATE")
                .param(id.value())
                .query((row, number) -> new Object[] {row.getString("reference"), row.getBytes("data_key")})
                .optional()
                .orElseThrow(() -> new IllegalStateException("No such report"));
        Envelope envelope = envelopes.open((byte[]) report[1]);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO intake_message (id, report_id, author, body, sent_at) VALUES (?, ?, 'REPORTER', ?, ?)")
                .params(UUID.randomUUID(), id.value(), envelope.sealText("message", body), java.sql.Timestamp.from(now))
                .update();
        events.publishEvent(new ReporterReplied(id, (String) report[0], now));
    }

    /**
     * A report as its reporter sees it.
     *
     * @param messages oldest first
     */
    public record ReporterView(String reference, ReportStatus status, List<Message> messages) {
    }

    /** One message between the reporter and the hotline. */
    public record Message(Author author, String text, Instant sentAt) {

        /** Who wrote it. */
        public enum Author {
            REPORTER, HOTLINE
        }
    }
}
