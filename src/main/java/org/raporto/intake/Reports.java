package org.raporto.intake;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports as the hotline handles them: opened for one view, told their status, erased when they have been kept long
 * enough. Casework decides who may see what and audits it; this class only keeps the seals.
 */
@Service
public class Reports {

    private final JdbcClient jdbc;
    private final Envelopes envelopes;

    Reports(JdbcClient jdbc, Envelopes envelopes) {
        this.jdbc = jdbc;
        this.envelopes = envelopes;
    }

    /** The facts of a report's items that are kept in clear (the canonical address, the platform), for matching and tracing. */
    public List<SubmittedReport.Item> items(ReportId id) {
        return jdbc.sql("SELECT position, kind, canonical_url, platform FROM intake_report_item WHERE report_id = ? ORDER BY position")
                .param(id.value())
                .query((row, number) -> new SubmittedReport.Item(row.getInt("position"), SubmittedReport.Item.Kind.valueOf(row.getString("kind")),
                        row.getString("canonical_url"), "", platform(row.getString("platform"))))
                .list();
    }

    /** Everything the reporter gave, unsealed. The caller audits the view. */
    @Transactional(readOnly = true)
    public Optional<SubmittedReport> open(ReportId id) {
        return jdbc.sql("""
                SELECT reference, channel, category_code, language, reporter_role, child_age_band, happened, data_key, description,
                    contact, submitted_at
                FROM intake_report WHERE id = ?""")
                .param(id.value())
                .query((row, number) -> {
                    byte[] key = row.getBytes("data_key");
                    Envelope envelope = key == null ? null : envelopes.open(key);
                    String description = envelope == null ? "" : envelope.openText("description", row.getBytes("description"));
                    Optional<Contact> contact = Optional.empty();
                    byte[] sealedContact = row.getBytes("contact");
                    if (envelope != null && sealedContact != null) {
                        String[] parts = envelope.openText("contact", sealedContact).split(":", 2);
                        contact = Optional.of(new Contact(Contact.Kind.valueOf(parts[0]), parts[1]));
                    }
                    return new SubmittedReport(id, row.getString("reference"), Channel.valueOf(row.getString("channel")),
                            row.getString("category_code"), row.getString("language"), ReporterRole.valueOf(row.getString("reporter_role")),
                            AgeBand.valueOf(row.getString("child_age_band")), Happened.valueOf(row.getString("happened")), description, contact,
                            envelope == null ? items(id) : items(id, envelope), attachments(id), envelope == null ? List.of() : messages(id, envelope),
                            row.getTimestamp("submitted_at").toInstant(), envelope == null);
                })
                .optional();
    }

    /** One screenshot's pixels, unsealed, as re-encoded when it was uploaded. */
    @Transactional(readOnly = true)
    public Optional<Image> screenshot(ReportId report, UUID attachment) {
        return jdbc.sql("""
                SELECT r.data_key, a.media_type, a.content FROM intake_attachment a JOIN intake_report r ON r.id = a.report_id
                WHERE a.report_id = ? AND a.id = ? AND r.data_key IS NOT NULL""")
                .params(report.value(), attachment)
                .query((row, number) -> new Image(row.getString("media_type"),
                        envelopes.open(row.getBytes("data_key")).open(Screenshots.attachmentField(attachment), row.getBytes("content"))))
                .optional();
    }

    /** Tells the reporter, on the follow-up page, where their report stands. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tell(ReportId id, ReportStatus status) {
        jdbc.sql("UPDATE intake_report SET status = ? WHERE id = ?").params(status.name(), id.value()).update();
    }

    /**
     * Erases everything the reporter wrote or uploaded: the report's data key first (which makes every copy of the
     * ciphertext, in backups too, unreadable), then the ciphertext itself. What remains are the facts statistics count:
     * category, channel, reporter role, age band, when, status and the canonical addresses. The receipt stops working.
     *
     * @return whether there was anything left to erase
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean erase(ReportId id) {
        int erased = jdbc.sql("UPDATE intake_report SET data_key = NULL, description = NULL, contact = NULL WHERE id = ? AND data_key IS NOT NULL")
                .param(id.value()).update();
        if (erased == 0) {
            return false;
        }
        jdbc.sql("UPDATE intake_report_item SET original = NULL, account = NULL WHERE report_id = ?").param(id.value()).update();
        jdbc.sql("DELETE FROM intake_attachment WHERE report_id = ?").param(id.value()).update();
        jdbc.sql("DELETE FROM intake_message WHERE report_id = ?").param(id.value()).update();
        return true;
    }

    private List<SubmittedReport.Item> items(ReportId id, Envelope envelope) {
        return jdbc.sql("SELECT position, kind, canonical_url, original, platform, account FROM intake_report_item WHERE report_id = ? ORDER BY position")
                .param(id.value())
                .query((row, number) -> {
                    int position = row.getInt("position");
                    byte[] typed = row.getBytes(row.getString("kind").equals("URL") ? "original" : "account");
                    return new SubmittedReport.Item(position, SubmittedReport.Item.Kind.valueOf(row.getString("kind")), row.getString("canonical_url"),
                            typed == null ? "" : envelope.openText("item-" + position, typed), platform(row.getString("platform")));
                })
                .list();
    }

    private List<SubmittedReport.Attachment> attachments(ReportId id) {
        return jdbc.sql("SELECT id, message_id, position, media_type, width, height FROM intake_attachment WHERE report_id = ? ORDER BY position")
                .param(id.value())
                .query((row, number) -> new SubmittedReport.Attachment(row.getObject("id", UUID.class), row.getObject("message_id", UUID.class),
                        row.getInt("position"), row.getString("media_type"), row.getInt("width"), row.getInt("height")))
                .list();
    }

    /** The messages between the reporter and the hotline, oldest first. */
    List<FollowUp.Message> messages(ReportId id, Envelope envelope) {
        return jdbc.sql("""
                SELECT m.author, m.body, m.sent_at, (SELECT count(*) FROM intake_attachment a WHERE a.message_id = m.id) AS screenshots
                FROM intake_message m WHERE m.report_id = ? ORDER BY m.sent_at, m.id""")
                .param(id.value())
                .query((row, number) -> new FollowUp.Message(FollowUp.Message.Author.valueOf(row.getString("author")),
                        envelope.openText("message", row.getBytes("body")), row.getTimestamp("sent_at").toInstant(), row.getInt("screenshots")))
                .list();
    }

    private static Platform platform(String name) {
        return name == null ? null : Platform.valueOf(name);
    }

    /** A screenshot's bytes and type. */
    public record Image(String mediaType, byte[] bytes) {
    }
}
