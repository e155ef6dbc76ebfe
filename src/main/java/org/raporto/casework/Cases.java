package org.raporto.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccount;
import org.raporto.identity.StaffAccounts;
import org.raporto.intake.FollowUp;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportSubmitted;
import org.raporto.intake.Reports;
import org.raporto.intake.SubmittedReport;
import org.raporto.shared.crypto.Envelopes;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.tracing.HostingTraced;
import org.raporto.tracing.HostingTraces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case for every report and moves it along: claims and assignment, notes, replies to the reporter, closing
 * and merging. Every change is audited in its own transaction, and the reporter's follow-up page follows the status.
 * <p>
 * Changing a case needs it to be unclaimed (the analyst then takes it) or claimed by the same analyst: a claim is a
 * lock that others see and respect. Supervisors assign and release.
 */
@Service
public class Cases {

    static final String OBJECT = "report";
    public static final int MAX_TEXT = FollowUp.MAX_MESSAGE;

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final Reports reports;
    private final FollowUp followUp;
    private final StaffAccounts accounts;
    private final Envelopes envelopes;
    private final Deadlines deadlines;
    private final HostingTraces traces;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cases(JdbcClient jdbc, CaseStore store, Reports reports, FollowUp followUp, StaffAccounts accounts,
            Envelopes envelopes, Deadlines deadlines, HostingTraces traces, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.reports = reports;
        this.followUp = followUp;
        this.accounts = accounts;
        this.envelopes = envelopes;
        this.deadlines = deadlines;
        this.traces = traces;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens the case in the transaction that stores the report: if this fails, the report is not stored either and the
     * reporter is told to try again, so there is never a report nobody will look at. Each address is matched with
     * earlier reports of it; one already assessed as child sexual abuse material puts the case first in the queue and
     * out of sight of those not cleared.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(ReportSubmitted submitted) {
        List<SubmittedReport.Item> items = reports.items(submitted.report());
        boolean knownCsam = false;
        Set<String> hosts = new LinkedHashSet<>();
        record Matched(SubmittedReport.Item item, long url, String host) {
        }
        List<Matched> matched = new ArrayList<>();
        for (SubmittedReport.Item item : items) {
            if (item.kind() == SubmittedReport.Item.Kind.URL && item.canonicalUrl() != null) {
                String host = CanonicalUrl.parse(item.canonicalUrl()).host();
                var url = jdbc.sql("""
                        INSERT INTO casework_url (canonical_url, host, first_reported_at, last_reported_at, times_reported)
                        VALUES (?, ?, ?, ?, 1)
                        ON CONFLICT (canonical_url) DO UPDATE SET last_reported_at = excluded.last_reported_at,
                            times_reported = casework_url.times_reported + 1
                        RETURNING id, last_outcome""")
                        .params(item.canonicalUrl(), host, Timestamp.from(submitted.submittedAt()), Timestamp.from(submitted.submittedAt()))
                        .query((row, number) -> Map.entry(row.getLong("id"),
                                Classification.Outcome.BASELINE_CSAM.name().equals(row.getString("last_outcome"))))
                        .single();
                knownCsam |= url.getValue();
                hosts.add(host);
                matched.add(new Matched(item, url.getKey(), host));
            }
            else {
                matched.add(new Matched(item, 0, ""));
            }
        }
        Priority priority = knownCsam ? Priority.KNOWN_CSAM : Priority.of(submitted.priority());
        boolean restricted = knownCsam || submitted.category().equals("csam");
        jdbc.sql("""
                INSERT INTO casework_case (report_id, reference, category_code, channel, priority, urgency, restricted, status,
                    received_at, first_look_due, assessment_due, hosts, hosts_text, data_key)
                VALUES (:id, :reference, :category, :channel, :priority, :urgency, :restricted, 'NEW', :received, :firstLookDue,
                    :assessmentDue, :hosts, :hostsText, :key)""")
                .param("id", submitted.report().value())
                .param("reference", submitted.reference())
                .param("category", submitted.category())
                .param("channel", submitted.channel().name())
                .param("priority", priority.name())
                .param("urgency", priority.urgency())
                .param("restricted", restricted)
                .param("received", Timestamp.from(submitted.submittedAt()))
                .param("firstLookDue", Timestamp.from(deadlines.firstLookDue(submitted.submittedAt(), submitted.category())))
                .param("assessmentDue", Timestamp.from(deadlines.assessmentDue(submitted.submittedAt(), submitted.category())))
                .param("hosts", hosts.toArray(String[]::new))
                .param("hostsText", String.join(" ", hosts))
                .param("key", envelopes.create().wrappedKey())
                .update();
        traces.request(hosts);
        for (Matched item : matched) {
            jdbc.sql("INSERT INTO casework_item (report_id, position, kind, url_id, host, platform) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(submitted.report().value(), item.item().position(), item.item().kind().name(), item.url() == 0 ? null : item.url(),
                            item.host().isEmpty() ? null : item.host(), item.item().platform() == null ? null : item.item().platform().name())
                    .update();
        }
    }

    /** The case if this analyst may see it, without opening what the reporter wrote. */
    public Optional<CaseSummary> find(ReportId id, Analyst analyst) {
        return store.find(id, analyst);
    }

    /**
     * A host was traced: every case pointing at it is found by the countries where it is hosted. Countries are added,
     * never taken away, so a case found by a country stays found by it after the content moves.
     */
    @EventListener
    public void traced(HostingTraced traced) {
        if (traced.countries().isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE casework_case SET hosting_countries = ARRAY(SELECT DISTINCT unnest(hosting_countries || CAST(:countries AS text[])) ORDER BY 1)
                WHERE hosts @> ARRAY[CAST(:host AS text)] AND NOT hosting_countries @> CAST(:countries AS text[])""")
                .param("countries", traced.countries().toArray(String[]::new))
                .param("host", traced.host())
                .update();
    }

    /**
     * Takes a case: nobody else may change it until it is released. The first claim is the report's first look.
     *
     * @throws CaseConflict when someone else holds it, or it is finished
     */
    @Transactional
    public CaseSummary claim(ReportId id, Analyst analyst) {
        CaseSummary current = store.lock(id, analyst);
        if (current.isClaimedBy(analyst.id())) {
            return current;
        }
        if (current.assignee() != null) {
            throw new CaseConflict(CaseConflict.Reason.CLAIMED_BY_SOMEONE_ELSE);
        }
        if (current.status().isFinished()) {
            throw new CaseConflict(CaseConflict.Reason.WRONG_STATE);
        }
        hold(current, analyst.id(), analyst.name());
        audit.record(analyst.actor(), AuditAction.REPORT_CLAIMED, OBJECT, id.value().toString(), Map.of("reference", current.reference()));
        return store.lock(id, analyst);
    }

    /** Claims the most urgent new report nobody holds, skipping those another analyst is claiming this very moment. */
    @Transactional
    public Optional<ReportId> takeNext(Analyst analyst) {
        Optional<UUID> next = jdbc.sql("""
                SELECT report_id FROM casework_case
                WHERE status = 'NEW' AND assignee IS NULL AND (NOT restricted OR ?)
                ORDER BY urgency, received_at, report_id
                LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(analyst.cleared())
                .query(UUID.class).optional();
        next.ifPresent(id -> claim(new ReportId(id), analyst));
        return next.map(ReportId::new);
    }

    /** Lets go of a case: one's own, or anyone's for a supervisor. */
    @Transactional
    public void release(ReportId id, Analyst analyst) {
        CaseSummary current = store.lock(id, analyst);
        if (current.assignee() == null) {
            return;
        }
        if (!current.isClaimedBy(analyst.id()) && !analyst.supervisor()) {
            throw new CaseConflict(CaseConflict.Reason.CLAIMED_BY_SOMEONE_ELSE);
        }
        jdbc.sql("UPDATE casework_case SET assignee = NULL, assignee_name = NULL, claimed_at = NULL WHERE report_id = ?").param(id.value()).update();
        audit.record(analyst.actor(), AuditAction.REPORT_RELEASED, OBJECT, id.value().toString(),
                Map.of("reference", current.reference(), "from", String.valueOf(current.assigneeName())));
    }

    /** The accounts a supervisor may give this case to: analysts and supervisors who may sign in, and are cleared if it needs it. */
    public List<StaffAccount> assignable(CaseSummary of) {
        return accounts.all().stream()
                .filter(account -> account.enabled() && account.active())
                .filter(account -> account.roles().contains(Role.ANALYST) || account.roles().contains(Role.SUPERVISOR))
                .filter(account -> !of.restricted() || account.csamClearance())
                .toList();
    }

    /**
     * A supervisor gives a case to an analyst, taking it from whoever held it.
     *
     * @throws IllegalArgumentException when the account may not work on this case
     */
    @Transactional
    public void assign(ReportId id, UUID to, Analyst supervisor) {
        if (!supervisor.supervisor()) {
            throw new CaseConflict(CaseConflict.Reason.CLAIMED_BY_SOMEONE_ELSE);
        }
        CaseSummary current = store.lock(id, supervisor);
        StaffAccount account = assignable(current).stream().filter(candidate -> candidate.id().equals(to)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This account may not work on this case"));
        if (current.status().isFinished()) {
            throw new CaseConflict(CaseConflict.Reason.WRONG_STATE);
        }
        give(current, account.id(), account.name());
        audit.record(supervisor.actor(), AuditAction.REPORT_ASSIGNED, OBJECT, id.value().toString(),
                Map.of("reference", current.reference(), "to", account.name()));
    }

    /**
     * Closes a report without passing it on.
     *
     * @throws CaseConflict when someone else holds it or it is finished already
     */
    @Transactional
    public void close(ReportId id, CloseReason reason, Analyst analyst) {
        CaseSummary current = changing(id, analyst);
        moveTo(current, CaseStatus.CLOSED, reason);
        audit.record(analyst.actor(), AuditAction.REPORT_CLOSED, OBJECT, id.value().toString(),
                Map.of("reference", current.reference(), "reason", reason.name()));
        events.publishEvent(new ReportClosed(id, current.reference(), reason, clock.instant()));
    }

    /**
     * Merges a report into another as its duplicate: both are kept and linked, this one is closed as a duplicate.
     *
     * @throws CaseConflict when the other report is unknown (or not visible), is this one, or was itself merged
     */
    @Transactional
    public void merge(ReportId id, String intoReference, Analyst analyst) {
        ReportId into = store.byReference(intoReference.strip().toUpperCase(Locale.ROOT), analyst)
                .filter(other -> !other.equals(id))
                .orElseThrow(() -> new CaseConflict(CaseConflict.Reason.MERGE_TARGET_UNKNOWN));
        CaseSummary current = changing(id, analyst);
        jdbc.sql("UPDATE casework_case SET merged_into = ? WHERE report_id = ?").params(into.value(), id.value()).update();
        moveTo(current, CaseStatus.CLOSED, CloseReason.DUPLICATE);
        audit.record(analyst.actor(), AuditAction.REPORT_MERGED, OBJECT, id.value().toString(),
                Map.of("reference", current.reference(), "into", intoReference.strip().toUpperCase(Locale.ROOT)));
        events.publishEvent(new ReportClosed(id, current.reference(), CloseReason.DUPLICATE, clock.instant()));
    }

    /** A note for the other staff, sealed with the case's key; anyone who may see the case may write one. */
    @Transactional
    public void note(ReportId id, String text, Analyst analyst) {
        String body = text.strip();
        if (body.isEmpty() || body.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A note has 1 to " + MAX_TEXT + " characters");
        }
        CaseSummary current = store.lock(id, analyst);
        byte[] key = store.dataKey(id);
        if (key == null) {
            throw new CaseConflict(CaseConflict.Reason.ERASED);
        }
        jdbc.sql("INSERT INTO casework_note (id, report_id, author, author_name, body, written_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id.value(), analyst.id(), analyst.name(), envelopes.open(key).sealText("note", body),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(analyst.actor(), AuditAction.NOTE_ADDED, OBJECT, id.value().toString(), Map.of("reference", current.reference()));
    }

    /**
     * A message to the reporter, on their follow-up page; an e-mail tells them there is news when they left an address.
     * Whoever answers an open case takes it; a finished one may still be answered (reporters write after closing too).
     *
     * @throws CaseConflict when someone else holds the case, or it was erased
     */
    @Transactional
    public void reply(ReportId id, String text, Analyst analyst) {
        String body = text.strip();
        if (body.isEmpty() || body.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A message has 1 to " + MAX_TEXT + " characters");
        }
        CaseSummary current = store.lock(id, analyst);
        if (!current.status().isFinished()) {
            current = changing(id, analyst);
        }
        if (current.erasedAt() != null) {
            throw new CaseConflict(CaseConflict.Reason.ERASED);
        }
        followUp.answer(id, body);
        audit.record(analyst.actor(), AuditAction.REPLY_SENT, OBJECT, id.value().toString(), Map.of("reference", current.reference()));
    }

    /**
     * The report was passed on: an assessed case becomes referred (one referred already stays so). Called in the
     * transaction that stores the referral, so that neither happens without the other.
     *
     * @throws CaseConflict when the case is not assessed yet, is finished, or someone else holds it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void referred(ReportId id, Analyst analyst) {
        CaseSummary current = store.lock(id, analyst);
        if (current.status() == CaseStatus.REFERRED) {
            return;
        }
        if (current.status() != CaseStatus.ASSESSED) {
            throw new CaseConflict(CaseConflict.Reason.WRONG_STATE);
        }
        moveTo(changing(id, analyst), CaseStatus.REFERRED, null);
    }

    /**
     * The hotline's work on a referred report is done (the content is gone, the agencies answered): the case is
     * resolved, and the reporter's follow-up page says action was taken.
     *
     * @throws CaseConflict when the case is not referred, or someone else holds it
     */
    @Transactional
    public void resolve(ReportId id, Analyst analyst) {
        CaseSummary current = changing(id, analyst);
        moveTo(current, CaseStatus.RESOLVED, null);
        audit.record(analyst.actor(), AuditAction.REPORT_RESOLVED, OBJECT, id.value().toString(), Map.of("reference", current.reference()));
    }

    /**
     * Computes the deadlines of open cases again from when they were received, after the holidays or the targets
     * changed: a deadline that has passed stays passed, one that has not follows the new calendar.
     *
     * @return how many cases had a deadline moved
     */
    @Transactional
    public int refreshDeadlines() {
        Instant now = clock.instant();
        List<Object[]> waiting = jdbc.sql("""
                SELECT report_id, category_code, received_at, first_look_due, assessment_due FROM casework_case
                WHERE status IN ('NEW', 'IN_ASSESSMENT') AND (first_look_due > :now OR assessment_due > :now) FOR UPDATE""")
                .param("now", Timestamp.from(now))
                .query((row, number) -> new Object[] {row.getObject(1, UUID.class), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant(), row.getTimestamp(5).toInstant()})
                .list();
        int moved = 0;
        for (Object[] row : waiting) {
            Instant received = (Instant) row[2];
            Instant firstLook = ((Instant) row[3]).isAfter(now) ? deadlines.firstLookDue(received, (String) row[1]) : (Instant) row[3];
            Instant assessment = ((Instant) row[4]).isAfter(now) ? deadlines.assessmentDue(received, (String) row[1]) : (Instant) row[4];
            if (!firstLook.equals(row[3]) || !assessment.equals(row[4])) {
                jdbc.sql("UPDATE casework_case SET first_look_due = ?, assessment_due = ? WHERE report_id = ?")
                        .params(Timestamp.from(firstLook), Timestamp.from(assessment), row[0]).update();
                moved++;
            }
        }
        return moved;
    }

    /** The case locked for a change by this analyst, who takes it if nobody holds it. */
    CaseSummary changing(ReportId id, Analyst analyst) {
        CaseSummary current = store.lock(id, analyst);
        if (current.status().isFinished()) {
            throw new CaseConflict(CaseConflict.Reason.WRONG_STATE);
        }
        if (current.assignee() == null) {
            hold(current, analyst.id(), analyst.name());
            audit.record(analyst.actor(), AuditAction.REPORT_CLAIMED, OBJECT, id.value().toString(), Map.of("reference", current.reference()));
            return store.lock(id, analyst);
        }
        if (!current.isClaimedBy(analyst.id())) {
            throw new CaseConflict(CaseConflict.Reason.CLAIMED_BY_SOMEONE_ELSE);
        }
        return current;
    }

    /** Moves a case to its next state, tells the reporter, and lets go of it once it is finished. */
    void moveTo(CaseSummary current, CaseStatus next, @Nullable CloseReason reason) {
        if (!current.status().canBecome(next)) {
            throw new CaseConflict(CaseConflict.Reason.WRONG_STATE);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE casework_case SET status = :status, close_reason = :reason,
                    assessed_at = CASE WHEN :status = 'ASSESSED' THEN :now ELSE assessed_at END,
                    finished_at = CASE WHEN :status IN ('CLOSED', 'RESOLVED') THEN :now ELSE finished_at END,
                    first_look_at = coalesce(first_look_at, :now),
                    assignee = CASE WHEN :status IN ('CLOSED', 'RESOLVED') THEN NULL ELSE assignee END,
                    assignee_name = CASE WHEN :status IN ('CLOSED', 'RESOLVED') THEN NULL ELSE assignee_name END,
                    claimed_at = CASE WHEN :status IN ('CLOSED', 'RESOLVED') THEN NULL ELSE claimed_at END
                WHERE report_id = :id""")
                .param("status", next.name())
                .param("reason", reason == null ? null : reason.name())
                .param("now", Timestamp.from(now))
                .param("id", current.id().value())
                .update();
        if (next.forReporter() != current.status().forReporter()) {
            reports.tell(current.id(), next.forReporter());
        }
    }

    /** The analyst takes the case: the first time anyone does, that is the report's first look. */
    private void hold(CaseSummary current, UUID account, String name) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE casework_case SET assignee = ?, assignee_name = ?, claimed_at = ?, first_look_at = coalesce(first_look_at, ?),
                    status = CASE WHEN status = 'NEW' THEN 'IN_ASSESSMENT' ELSE status END
                WHERE report_id = ?""")
                .params(account, name, Timestamp.from(now), Timestamp.from(now), current.id().value())
                .update();
        if (current.status() == CaseStatus.NEW) {
            reports.tell(current.id(), CaseStatus.IN_ASSESSMENT.forReporter());
        }
        if (current.firstLookAt() == null) {
            events.publishEvent(new ReportClaimed(current.id(), now));
        }
    }

    /** A supervisor gives the case to someone: it is theirs, but nobody has looked at it yet. */
    private void give(CaseSummary current, UUID account, String name) {
        jdbc.sql("UPDATE casework_case SET assignee = ?, assignee_name = ?, claimed_at = ? WHERE report_id = ?")
                .params(account, name, Timestamp.from(clock.instant()), current.id().value())
                .update();
    }
}
