package org.raporto.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.raporto.shared.image.CleanImage;
import org.raporto.shared.image.ImageRefused;
import org.raporto.shared.image.ImageSanitizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screenshots reporters attach, where their report's category allows it (never for child sexual abuse material).
 * An upload is taken only as a clean image (see {@link ImageSanitizer}) and waits, sealed with its own key, until the
 * report or message it belongs to is sent; then it is sealed again with the report's key.
 */
@Service
public class Screenshots {

    public static final int MAX_PER_REPORT = 5;
    /** Longer than any session: an upload older than this belongs to a report that was abandoned. */
    static final Duration ABANDONED_AFTER = Duration.ofDays(1);
    private static final String UPLOAD_FIELD = "upload";

    private final JdbcClient jdbc;
    private final ImageSanitizer sanitizer;
    private final Envelopes envelopes;
    private final Clock clock;

    Screenshots(JdbcClient jdbc, ImageSanitizer sanitizer, Envelopes envelopes, Clock clock) {
        this.jdbc = jdbc;
        this.sanitizer = sanitizer;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    /**
     * Keeps an uploaded file as a screenshot waiting for its report.
     *
     * @throws ImageRefused when the file is not taken; nothing of it is kept then
     */
    public Screenshot upload(byte[] file) {
        CleanImage image = sanitizer.clean(file);
        UUID id = UUID.randomUUID();
        Envelope envelope = envelopes.create();
        jdbc.sql("""
                INSERT INTO intake_upload (id, data_key, content, media_type, width, height, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, envelope.wrappedKey(), envelope.seal(UPLOAD_FIELD, image.bytes()), image.mediaType(),
                        image.width(), image.height(), Timestamp.from(clock.instant()))
                .update();
        return new Screenshot(id, image.mediaType(), image.width(), image.height(), image.size());
    }

    /** Forgets an upload the reporter removed before sending. */
    public void discard(UUID upload) {
        jdbc.sql("DELETE FROM intake_upload WHERE id = ?").param(upload).update();
    }

    /**
     * Moves waiting uploads to a report (and to one of its messages, when given), sealed with the report's key, in
     * the caller's transaction.
     *
     * @throws ReportRefused when an upload is no longer there (forgotten as abandoned, or sent already)
     */
    @Transactional
    void attach(ReportId report, @Nullable UUID message, Envelope reportKey, List<UUID> uploads) {
        if (uploads.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int position = jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM intake_attachment WHERE report_id = ?")
                .param(report.value()).query(Integer.class).single();
        for (UUID upload : uploads) {
            Waiting waiting = jdbc.sql("DELETE FROM intake_upload WHERE id = ? RETURNING data_key, content, media_type, width, height")
                    .param(upload)
                    .query((row, n) -> new Waiting(row.getBytes("data_key"), row.getBytes("content"), row.getString("media_type"),
                            row.getInt("width"), row.getInt("height")))
                    .optional()
                    .orElseThrow(() -> new ReportRefused(List.of(ReportRules.Violation.SCREENSHOT_GONE)));
            byte[] pixels = envelopes.open(waiting.dataKey()).open(UPLOAD_FIELD, waiting.content());
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO intake_attachment (id, report_id, message_id, position, media_type, width, height, content, added_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(id, report.value(), message, position++, waiting.mediaType(), waiting.width(), waiting.height(),
                            reportKey.seal(attachmentField(id), pixels), Timestamp.from(now))
                    .update();
        }
    }

    /** Uploads of reports that were never sent are not kept. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetAbandoned() {
        jdbc.sql("DELETE FROM intake_upload WHERE uploaded_at < ?")
                .param(Timestamp.from(clock.instant().minus(ABANDONED_AFTER)))
                .update();
    }

    /** Each attachment is sealed under its own id, so that its ciphertext cannot stand in for another's. */
    static String attachmentField(UUID attachment) {
        return "attachment:" + attachment;
    }

    private record Waiting(byte[] dataKey, byte[] content, String mediaType, int width, int height) {
    }
}
