package org.raporto.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.raporto.notification.Notice;
import org.raporto.notification.NoticeKind;
import org.raporto.notification.Outbox;
import org.raporto.shared.Language;
import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.raporto.shared.crypto.LookupHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(FollowUp.class);

    private final JdbcClient jdbc;
    private final Envelopes envelopes;
    private final Screenshots screenshots;
    private final Reports reports;
    private final LookupHashes hashes;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUp(JdbcClient jdbc, Envelopes envelopes, Screenshots screenshots, Reports reports, LookupHashes hashes, Outbox outbox,
            ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.outbox = outbox;
        this.screenshots = screenshots;
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
        return jdbc.sql("""
                SELECT r.reference, r.status, r.data_key, c.attachments_allowed
                FROM intake_report r JOIN intake_category c ON c.code = r.category_code
                WHERE r.id = ? AND r.data_key IS NOT NULL""")
                .param(id.value())
                .query((row, number) -> {
                    Envelope envelope = envelopes.open(row.getBytes("data_key"));
                    List<Message> messages = reports.messages(id, envelope);
                    return new ReporterView(row.getString("reference"), ReportStatus.valueOf(row.getString("status")), messages,
                            row.getBoolean("attachments_allowed"));
                })
                .optional();
    }

    /** Whether the report's category takes screenshots with the reporter's messages. */
    public boolean acceptsScreenshots(ReportId id) {
        return jdbc.sql("SELECT c.attachments_allowed FROM intake_report r JOIN intake_category c ON c.code = r.category_code WHERE r.id = ?")
                .param(id.value()).query(Boolean.class).optional().orElse(false);
    }

    /** Adds the reporter's message, sealed with the report's key. */
    @Transactional
    public void reply(ReportId id, String text) {
        reply(id, text, List.of());
    }

    /**
     * Adds the reporter's message, with screenshots uploaded for it, sealed with the report's key.
     *
     * @param text may be empty when there are screenshots
     * @throws ReportRefused when the report's category takes no screenshots, or they are too many or gone
     */
    @Transactional
    public void reply(ReportId id, String text, List<UUID> uploads) {
        String body = text.strip();
        if ((body.isEmpty() && uploads.isEmpty()) || body.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("A message has 1 to " + MAX_MESSAGE + " characters, or screenshots");
        }
        var report = jdbc.sql("""
                SELECT r.reference, r.data_key, c.attachments_allowed
                FROM intake_report r JOIN intake_category c ON c.code = r.category_code
                WHERE r.id = ? AND r.data_key IS NOT NULL FOR UPDATE OF r""")
                .param(id.value())
                .query((row, number) -> new Object[] {row.getString("reference"), row.getBytes("data_key"), row.getBoolean("attachments_allowed")})
                .optional()
                .orElseThrow(() -> new IllegalStateException("No such report"));
        if (!uploads.isEmpty() && !(Boolean) report[2]) {
            throw new ReportRefused(List.of(ReportRules.Violation.SCREENSHOTS_NOT_ALLOWED));
        }
        if (uploads.size() > Screenshots.MAX_PER_REPORT) {
            throw new ReportRefused(List.of(ReportRules.Violation.TOO_MANY_SCREENSHOTS));
        }
        Envelope envelope = envelopes.open((byte[]) report[1]);
        Instant now = clock.instant();
        UUID message = UUID.randomUUID();
        jdbc.sql("INSERT INTO intake_message (id, report_id, author, body, sent_at) VALUES (?, ?, 'REPORTER', ?, ?)")
                .params(message, id.value(), envelope.sealText("message", body), java.sql.Timestamp.from(now))
                .update();
        screenshots.attach(id, message, envelope, uploads);
        events.publishEvent(new ReporterReplied(id, (String) report[0], now));
    }

    /**
     * The hotline's message to the reporter, shown when they come back with their receipt. A reporter who left an
     * e-mail address is told that there is news, in the language they reported in, and nothing more: not the message,
     * not the reference, nothing of the report, since others may read that mailbox.
     */
    @Transactional
    public void answer(ReportId id, String text) {
        String body = text.strip();
        if (body.isEmpty() || body.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("A message has 1 to " + MAX_MESSAGE + " characters");
        }
        var report = jdbc.sql("SELECT data_key, contact, language FROM intake_report WHERE id = ? AND data_key IS NOT NULL FOR UPDATE")
                .param(id.value())
                .query((row, number) -> new Object[] {row.getBytes("data_key"), row.getBytes("contact"), row.getString("language")})
                .optional()
                .orElseThrow(() -> new IllegalStateException("No such report"));
        Envelope envelope = envelopes.open((byte[]) report[0]);
        jdbc.sql("INSERT INTO intake_message (id, report_id, author, body, sent_at) VALUES (?, ?, 'HOTLINE', ?, ?)")
                .params(UUID.randomUUID(), id.value(), envelope.sealText("message", body), java.sql.Timestamp.from(clock.instant()))
                .update();
        if (report[1] != null) {
            tellThereIsNews(envelope.openText("contact", (byte[]) report[1]), Language.fromCode((String) report[2]).orElse(Language.SQ));
        }
    }

    /** Only e-mail contacts get a notice; a phone number is the hotline's to call. */
    private void tellThereIsNews(String contact, Language language) {
        String prefix = Contact.Kind.EMAIL.name() + ":";
        if (!contact.startsWith(prefix)) {
            return;
        }
        try {
            outbox.enqueue(new Notice(contact.substring(prefix.length()), language, NoticeKind.REPORT_NEWS));
        }
        catch (IllegalArgumentException unusable) {
            // The form's check is looser than what SMTP takes; the message itself is kept, and the hotline sees it.
            log.warn("A reporter's e-mail address cannot receive notices; the hotline's message is kept without one");
        }
    }

    /**
     * A report as its reporter sees it.
     *
     * @param messages           oldest first
     * @param screenshotsAllowed whether the report's category takes screenshots with a message
     */
    public record ReporterView(String reference, ReportStatus status, List<Message> messages, boolean screenshotsAllowed) {
    }

    /**
     * One message between the reporter and the hotline.
     *
     * @param text        may be empty when the message is screenshots only
     * @param screenshots how many screenshots came with it
     */
    public record Message(Author author, String text, Instant sentAt, int screenshots) {

        /** Who wrote it. */
        public enum Author {
            REPORTER, HOTLINE
        }
    }
}
