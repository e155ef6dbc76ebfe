package org.raporto.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditEntry;
import org.raporto.audit.AuditLog;
import org.raporto.audit.AuditQuery;
import org.raporto.intake.FollowUp;
import org.raporto.intake.ReportId;
import org.raporto.intake.Reports;
import org.raporto.intake.SubmittedReport;
import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.raporto.tracing.HostingTrace;
import org.raporto.tracing.HostingTraces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a report for an analyst who may see it, and records that they did: every view of a report's content, and of
 * each screenshot, is in the audit log.
 */
@Service
public class CaseFiles {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final Reports reports;
    private final Assessments assessments;
    private final Envelopes envelopes;
    private final HostingTraces traces;
    private final AuditLog audit;

    CaseFiles(JdbcClient jdbc, CaseStore store, Reports reports, Assessments assessments, Envelopes envelopes, HostingTraces traces,
            AuditLog audit) {
        this.traces = traces;
        this.jdbc = jdbc;
        this.store = store;
        this.reports = reports;
        this.assessments = assessments;
        this.envelopes = envelopes;
        this.audit = audit;
    }

    /**
     * The whole case, audited as a view of the report's content.
     *
     * @throws CaseNotFound when there is no such case or the analyst may not see it
     */
    @Transactional
    public CaseFile open(ReportId id, Analyst analyst) {
        CaseSummary summary = store.find(id, analyst).orElseThrow(CaseNotFound::new);
        SubmittedReport report = reports.open(id).orElseThrow(CaseNotFound::new);
        boolean fourEyes = assessments.fourEyes(summary.category());
        List<CaseFile.Item> items = items(id, report.items(), fourEyes);
        List<CaseFile.Note> notes = notes(id);
        String mergedInto = summary.mergedInto() == null ? null
                : jdbc.sql("SELECT reference FROM casework_case WHERE report_id = ?").param(summary.mergedInto().value()).query(String.class).single();
        List<String> mergedHere = jdbc.sql("SELECT reference FROM casework_case WHERE merged_into = ? AND (NOT restricted OR ?) ORDER BY received_at")
                .params(id.value(), analyst.cleared()).query(String.class).list();
        audit.record(analyst.actor(), AuditAction.REPORT_VIEWED, Cases.OBJECT, id.value().toString(), Map.of("reference", summary.reference()));
        return new CaseFile(summary, report, items, notes, timeline(summary, report, notes), mergedInto, mergedHere, fourEyes);
    }

    /**
     * One screenshot's pixels, audited as a view.
     *
     * @throws CaseNotFound when there is no such case or screenshot, or the analyst may not see it
     */
    @Transactional
    public Reports.Image screenshot(ReportId id, UUID attachment, Analyst analyst) {
        CaseSummary summary = store.find(id, analyst).orElseThrow(CaseNotFound::new);
        Reports.Image image = reports.screenshot(id, attachment).orElseThrow(CaseNotFound::new);
        audit.record(analyst.actor(), AuditAction.REPORT_VIEWED, Cases.OBJECT, id.value().toString(),
                Map.of("reference", summary.reference(), "screenshot", attachment.toString()));
        return image;
    }

    /** Whether this account sees screenshots plainly rather than blurred and grey. */
    public boolean revealsImages(UUID account) {
        return jdbc.sql("SELECT reveal_images FROM casework_preference WHERE account_id = ?").param(account)
                .query(Boolean.class).optional().orElse(false);
    }

    @Transactional
    public void revealImages(UUID account, boolean reveal) {
        jdbc.sql("""
                INSERT INTO casework_preference (account_id, reveal_images) VALUES (?, ?)
                ON CONFLICT (account_id) DO UPDATE SET reveal_images = excluded.reveal_images""")
                .params(account, reveal).update();
    }

    /**
     * The report's items and what the hotline made of them, without the rest of what the reporter wrote: what a
     * referral needs. Audited as a view of the report's content (the addresses are content).
     *
     * @throws CaseNotFound when there is no such case or the analyst may not see it
     */
    @Transactional
    public List<CaseFile.Item> items(ReportId id, Analyst analyst) {
        CaseSummary summary = store.find(id, analyst).orElseThrow(CaseNotFound::new);
        List<CaseFile.Item> items = items(id, reports.items(id), assessments.fourEyes(summary.category()));
        audit.record(analyst.actor(), AuditAction.REPORT_VIEWED, Cases.OBJECT, id.value().toString(),
                Map.of("reference", summary.reference(), "part", "items"));
        return items;
    }

    /** The report's items with what casework knows of each, in one query, and their hosts' traces in one more. */
    private List<CaseFile.Item> items(ReportId id, List<SubmittedReport.Item> reportedItems, boolean fourEyes) {
        Map<Integer, Known> known = new HashMap<>();
        jdbc.sql("""
                SELECT i.position, i.host, i.outcome, i.harm_category, i.age_group, i.gender, i.site_type, i.commercial, i.payment_method,
                    i.virtual, i.child_modelling, i.user_generated, i.classified_by_name, i.classified_at, i.confirmed_by_name, i.confirmed_at,
                    u.times_reported, u.first_reported_at, u.last_reported_at, u.last_outcome, u.last_assessed_at, u.last_assessed_report
                FROM casework_item i LEFT JOIN casework_url u ON u.id = i.url_id
                WHERE i.report_id = ?""")
                .param(id.value())
                .query(row -> {
                    Classification classification = CaseStore.classification(row);
                    CaseFile.Seen seen = null;
                    if (row.getObject("times_reported") != null) {
                        String last = row.getString("last_outcome");
                        UUID lastReport = row.getObject("last_assessed_report", UUID.class);
                        seen = new CaseFile.Seen(row.getInt("times_reported"), CaseStore.instant(row, "first_reported_at"),
                                CaseStore.instant(row, "last_reported_at"), last == null ? null : Classification.Outcome.valueOf(last),
                                CaseStore.instant(row, "last_assessed_at"), lastReport != null && !lastReport.equals(id.value()));
                    }
                    boolean isFinal = classification != null && (!fourEyes || row.getTimestamp("confirmed_at") != null);
                    known.put(row.getInt("position"), new Known(row.getString("host"), classification, row.getString("classified_by_name"),
                            CaseStore.instant(row, "classified_at"), row.getString("confirmed_by_name"), CaseStore.instant(row, "confirmed_at"),
                            isFinal, seen));
                });
        Map<String, HostingTrace> traced = traces.latest(known.values().stream().map(Known::host).filter(Objects::nonNull).toList());
        List<CaseFile.Item> items = new ArrayList<>();
        for (SubmittedReport.Item reported : reportedItems) {
            Known item = known.get(reported.position());
            if (item == null) {
                throw new IllegalStateException("Report item " + reported.position() + " has no casework item");
            }
            items.add(new CaseFile.Item(reported, item.host(), item.classification(), item.classifiedBy(), item.classifiedAt(),
                    item.confirmedBy(), item.confirmedAt(), item.isFinal(), item.seen(), item.host() == null ? null : traced.get(item.host())));
        }
        return items;
    }

    /** What casework keeps of one item, before its trace is added. */
    private record Known(@Nullable String host, @Nullable Classification classification, @Nullable String classifiedBy,
            @Nullable Instant classifiedAt, @Nullable String confirmedBy, @Nullable Instant confirmedAt, boolean isFinal, CaseFile.@Nullable Seen seen) {
    }

    private List<CaseFile.Note> notes(ReportId id) {
        byte[] key = store.dataKey(id);
        if (key == null) {
            return List.of();
        }
        Envelope envelope = envelopes.open(key);
        return jdbc.sql("SELECT author_name, body, written_at FROM casework_note WHERE report_id = ? ORDER BY written_at, id")
                .param(id.value())
                .query((row, number) -> new CaseFile.Note(row.getString("author_name"), envelope.openText("note", row.getBytes("body")),
                        row.getTimestamp("written_at").toInstant()))
                .list();
    }

    /** What happened, oldest first: receipt, the audit log's entries on the report (views left out), and the messages. */
    private List<CaseFile.Event> timeline(CaseSummary summary, SubmittedReport report, List<CaseFile.Note> notes) {
        List<CaseFile.Event> events = new ArrayList<>();
        events.add(new CaseFile.Event(summary.receivedAt(), "RECEIVED", "", Map.of("channel", summary.channel().name())));
        for (AuditEntry entry : audit.find(AuditQuery.newest(AuditQuery.MAX_LIMIT).onObject(Cases.OBJECT, summary.id().value().toString()))) {
            if (entry.action() != AuditAction.REPORT_VIEWED) {
                events.add(new CaseFile.Event(entry.at(), entry.action().name(), entry.actor().name(), entry.details()));
            }
        }
        for (FollowUp.Message message : report.messages()) {
            events.add(new CaseFile.Event(message.sentAt(), message.author() == FollowUp.Message.Author.REPORTER ? "REPORTER_MESSAGE" : "HOTLINE_MESSAGE",
                    "", Map.of()));
        }
        events.sort(Comparator.comparing(CaseFile.Event::at));
        return events;
    }


    /**
     * Traces an item's host again now, for an analyst who may see the case. Not in a transaction: the DNS may take
     * seconds.
     *
     * @throws CaseNotFound when there is no such case or item with an address, or the analyst may not see it
     */
    public HostingTrace traceAgain(ReportId id, int position, Analyst analyst) {
        store.find(id, analyst).orElseThrow(CaseNotFound::new);
        String host = jdbc.sql("SELECT host FROM casework_item WHERE report_id = ? AND position = ? AND host IS NOT NULL")
                .params(id.value(), position).query(String.class).optional().orElseThrow(CaseNotFound::new);
        return traces.traceNow(host);
    }
}
