package org.raporto.intake;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.raporto.shared.crypto.LookupHashes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives reports: checks them against their category, seals what the reporter wrote with the report's own data
 * key, stores the report in one transaction, and publishes {@link ReportSubmitted}. A report acknowledged to the
 * reporter has been committed.
 */
@Service
public class ReportIntake {

    static final String RECEIPT_PURPOSE = "receipt";
    private static final String SUBMISSION_PURPOSE = "submission";

    private final JdbcClient jdbc;
    private final Categories categories;
    private final Envelopes envelopes;
    private final Screenshots screenshots;
    private final LookupHashes hashes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReportIntake(JdbcClient jdbc, Categories categories, Envelopes envelopes, Screenshots screenshots, LookupHashes hashes,
            ApplicationEventPublisher events, Clock clock) {
        this.screenshots = screenshots;
        this.jdbc = jdbc;
        this.categories = categories;
        this.envelopes = envelopes;
        this.hashes = hashes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a report once per submission token: the same token again with the same report (a double click, a
     * reload, a retried request) returns the first report's reference without a receipt.
     *
     * @throws ReportRefused       when the report breaks its category's rules; nothing is stored then
     * @throws SubmissionConflict  when the token was used before for a different report
     * @throws IllegalArgumentException for {@link Channel#HOTLINE}: see {@link #forward}
     */
    @Transactional
    public Acknowledgement submit(NewReport report, Channel channel, Language language, UUID submissionToken) {
        if (channel == Channel.HOTLINE) {
            throw new IllegalArgumentException("A report from another hotline is forwarded, not submitted");
        }
        Category category = categories.active(report.category())
                .orElseThrow(() -> new ReportRefused(List.of(ReportRules.Violation.UNKNOWN_CATEGORY)));
        List<ReportRules.Violation> violations = ReportRules.check(report, category);
        if (!violations.isEmpty()) {
            throw new ReportRefused(violations);
        }
        byte[] fingerprint = hashes.of(SUBMISSION_PURPOSE, fingerprint(report, channel, language));
        Optional<Acknowledgement> earlier = earlier(submissionToken, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }

        Receipt receipt = Receipt.generate(random);
        Optional<Stored> stored = store(report, category, channel, language, receipt, submissionToken, fingerprint, null);
        if (stored.isEmpty()) {
            // The same submission won a race with this one; it is the report.
            return earlier(submissionToken, fingerprint).orElseThrow();
        }
        return new Acknowledgement(stored.get().reference(), receipt);
    }

    /**
     * Stores a report another hotline forwarded, once per hotline and reference: the same again returns the report
     * stored the first time, whatever it holds now. It has no reporter, so no receipt, contact or description; casework
     * opens its case as for any other report.
     *
     * @throws ReportRefused when the category is unknown or inactive, or the report breaks its rules (too many addresses)
     */
    @Transactional
    public ForwardedReport.Received forward(ForwardedReport forwarded) {
        Optional<ForwardedReport.Received> earlier = forwarded(forwarded.hotlineCountry(), forwarded.hotlineReference());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Category category = categories.active(forwarded.category())
                .orElseThrow(() -> new ReportRefused(List.of(ReportRules.Violation.UNKNOWN_CATEGORY)));
        NewReport report = new NewReport(category.code(), forwarded.urls().stream().<ReportedItem>map(ReportedItem.Address::new).toList(), "",
                Happened.UNKNOWN, AgeBand.UNKNOWN, ReporterRole.PROFESSIONAL, null);
        List<ReportRules.Violation> violations = ReportRules.check(report, category);
        if (!violations.isEmpty()) {
            throw new ReportRefused(violations);
        }
        String key = Channel.HOTLINE.name() + "\u0000" + forwarded.hotlineCountry() + "\u0000" + forwarded.hotlineReference();
        Optional<Stored> stored = store(report, category, Channel.HOTLINE, Language.DEFAULT, Receipt.generate(random),
                UUID.randomUUID(), hashes.of(SUBMISSION_PURPOSE, key), forwarded);
        // Empty when forwarded at the same moment by another import: that one is the report.
        return stored.map(made -> new ForwardedReport.Received(made.id(), made.reference(), true))
                .orElseGet(() -> forwarded(forwarded.hotlineCountry(), forwarded.hotlineReference()).orElseThrow());
    }

    /** The report this hotline forwarded under this reference, if it did. */
    public Optional<ForwardedReport.Received> forwarded(String hotlineCountry, String hotlineReference) {
        return jdbc.sql("SELECT id, reference FROM intake_report WHERE forwarded_by = ? AND forwarded_reference = ?")
                .params(hotlineCountry, hotlineReference)
                .query((row, number) -> new ForwardedReport.Received(new ReportId(row.getObject("id", UUID.class)), row.getString("reference"), false))
                .optional();
    }

    /**
     * Stores the report, its items and screenshots, and publishes {@link ReportSubmitted}.
     *
     * @return the report stored; empty when a report with the same submission token, or the same forwarding hotline
     *         and reference, was stored first
     */
    private Optional<Stored> store(NewReport report, Category category, Channel channel, Language language, Receipt receipt, UUID submissionToken,
            byte[] fingerprint, @Nullable ForwardedReport forwarded) {
        ReportId id = ReportId.random();
        Instant now = clock.instant();
        long number = jdbc.sql("SELECT nextval('intake_report_number')").query(Long.class).single();
        String reference = "R-%d-%06d".formatted(now.atZone(ZoneOffset.UTC).getYear(), number);
        Envelope envelope = envelopes.create();

        int inserted = jdbc.sql("""
                INSERT INTO intake_report (id, reference, channel, category_code, language, priority, status, reporter_role,
                    child_age_band, happened, data_key, description, contact, receipt_hash, submission_token, submission_hash,
                    submitted_at, forwarded_by, forwarded_reference)
                VALUES (:id, :reference, :channel, :category, :language, :priority, 'RECEIVED', :role,
                    :age, :happened, :dataKey, :description, :contact, :receiptHash, :token, :fingerprint, :submittedAt,
                    :forwardedBy, :forwardedReference)
                ON CONFLICT DO NOTHING
                """)
                .param("id", id.value())
                .param("reference", reference)
                .param("channel", channel.name())
                .param("category", category.code())
                .param("language", language.code())
                .param("priority", category.priority().name())
                .param("role", report.reporterRole().name())
                .param("age", report.childAge().name())
                .param("happened", report.happened().name())
                .param("dataKey", envelope.wrappedKey())
                .param("description", envelope.sealText("description", report.description()))
                .param("contact", report.contactIfAny().map(contact -> envelope.sealText("contact", contact.kind() + ":" + contact.value())).orElse(null))
                .param("receiptHash", hashes.of(RECEIPT_PURPOSE, receipt.value()))
                .param("token", submissionToken)
                .param("fingerprint", fingerprint)
                .param("submittedAt", java.sql.Timestamp.from(now))
                .param("forwardedBy", forwarded == null ? null : forwarded.hotlineCountry())
                .param("forwardedReference", forwarded == null ? null : forwarded.hotlineReference())
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        int position = 0;
        for (ReportedItem item : report.items()) {
            insertItem(id, position++, item, envelope);
        }
        screenshots.attach(id, null, envelope, report.screenshots());
        events.publishEvent(new ReportSubmitted(id, reference, channel, category.code(), category.priority(), now));
        return Optional.of(new Stored(id, reference));
    }

    /** A report just stored. */
    private record Stored(ReportId id, String reference) {
    }

    private void insertItem(ReportId report, int position, ReportedItem item, Envelope envelope) {
        var insert = jdbc.sql("""
                INSERT INTO intake_report_item (report_id, position, kind, canonical_url, original, platform, account)
                VALUES (:report, :position, :kind, :canonical, :original, :platform, :account)
                """).param("report", report.value()).param("position", position);
        if (item instanceof ReportedItem.Address address) {
            insert.param("kind", "URL")
                    .param("canonical", address.url().canonical())
                    .param("original", envelope.sealText("item-" + position, address.url().original()))
                    .param("platform", null)
                    .param("account", null);
        }
        else if (item instanceof ReportedItem.Account account) {
            insert.param("kind", "ACCOUNT")
                    .param("canonical", null)
                    .param("original", null)
                    .param("platform", account.platform().name())
                    .param("account", envelope.sealText("item-" + position, account.name()));
        }
        insert.update();
    }

    /** Whether a report was stored under this submission token. */
    public boolean submitted(UUID submissionToken) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM intake_report WHERE submission_token = ?)").param(submissionToken)
                .query(Boolean.class).single();
    }

    /** The report stored earlier under this token, if any; a different report under it is a conflict. */
    private Optional<Acknowledgement> earlier(UUID submissionToken, byte[] fingerprint) {
        return jdbc.sql("SELECT reference, submission_hash FROM intake_report WHERE submission_token = ?")
                .param(submissionToken)
                .query((row, number) -> {
                    byte[] stored = row.getBytes("submission_hash");
                    if (stored != null && !MessageDigest.isEqual(stored, fingerprint)) {
                        throw new SubmissionConflict();
                    }
                    return new Acknowledgement(row.getString("reference"), null);
                })
                .optional();
    }

    /** Everything that makes two submissions the same report, in a fixed order; only its keyed hash is kept. */
    private static String fingerprint(NewReport report, Channel channel, Language language) {
        StringJoiner parts = new StringJoiner("\u0000");
        parts.add(channel.name()).add(language.code()).add(report.category());
        for (ReportedItem item : report.items()) {
            if (item instanceof ReportedItem.Address address) {
                parts.add("url").add(address.url().original());
            }
            else if (item instanceof ReportedItem.Account account) {
                parts.add("account").add(account.platform().name()).add(account.name());
            }
        }
        parts.add(report.description()).add(report.happened().name()).add(report.childAge().name()).add(report.reporterRole().name());
        report.contactIfAny().ifPresent(contact -> parts.add(contact.kind().name()).add(contact.value()));
        report.screenshots().forEach(upload -> parts.add("screenshot").add(upload.toString()));
        return parts.toString();
    }
}
