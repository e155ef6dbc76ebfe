package org.raporto.referral;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.casework.Analyst;
import org.raporto.casework.CaseFile;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.CaseNotFound;
import org.raporto.casework.CaseSummary;
import org.raporto.casework.Cases;
import org.raporto.casework.Classification;
import org.raporto.casework.Deadlines;
import org.raporto.intake.ReportId;
import org.raporto.intake.SubmittedReport;
import org.raporto.tracing.AbuseContacts;
import org.raporto.tracing.HostingTrace;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refers assessed reports to agencies and follows each referral: the police's agreement to a held notice, the
 * partner's acknowledgement and outcome. The notices themselves are sent by {@link AgencyNotices} when due.
 */
@Service
public class Referrals {

    static final String REPORT = "report";
    public static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseFiles caseFiles;
    private final Agencies agencies;
    private final OnlineChecks checks;
    private final AbuseContacts contacts;
    private final Deadlines deadlines;
    private final ReferralProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Referrals(JdbcClient jdbc, Cases cases, CaseFiles caseFiles, Agencies agencies, OnlineChecks checks, AbuseContacts contacts,
            Deadlines deadlines, ReferralProperties properties, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.agencies = agencies;
        this.checks = checks;
        this.contacts = contacts;
        this.deadlines = deadlines;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the analyst chose for one agency.
     *
     * @param positions    the items it gets
     * @param withReporter the reporter agreed that their words and contact go to it (only for law enforcement)
     * @param policeFirst  for a host or platform: hold the notice until the police agree
     */
    public record Choice(String agency, Set<Integer> positions, boolean withReporter, boolean policeFirst) {

        public Choice {
            positions = Set.copyOf(positions);
        }
    }

    /**
     * Refers the report: one referral per agency, with the items chosen for it, in one transaction with the case
     * becoming referred. The first notices are then due: at once for the police, hotlines and authorities; after the
     * first online check for hosts and platforms; only once the police agree for those held for them.
     *
     * @throws ReferralRefused when an agency cannot receive, an item cannot be passed on, or the case cannot be referred
     * @throws CaseNotFound    when the analyst may not see the case
     */
    @Transactional
    public List<UUID> refer(ReportId id, List<Choice> choices, Analyst analyst) {
        CaseSummary summary = cases.find(id, analyst).orElseThrow(CaseNotFound::new);
        Map<Integer, CaseFile.Item> referable = new HashMap<>();
        for (CaseFile.Item item : caseFiles.items(id, analyst)) {
            if (item.isFinal() && item.classification() != null && Routing.REFERABLE.contains(item.classification().outcome())) {
                referable.put(item.reported().position(), item);
            }
        }
        if (choices.isEmpty()) {
            throw new ReferralRefused(ReferralRefused.Reason.NOTHING_CHOSEN, null);
        }
        Map<Agency, Choice> chosen = new LinkedHashMap<>();
        for (Choice choice : choices) {
            Agency agency = agencies.find(choice.agency()).orElseThrow(() -> new ReferralRefused(ReferralRefused.Reason.UNKNOWN_AGENCY, choice.agency()));
            agency.blocked().ifPresent(blocked -> {
                throw new ReferralRefused(ReferralRefused.Reason.valueOf(blocked.name()), agency.name());
            });
            if (choice.positions().isEmpty() || !referable.keySet().containsAll(choice.positions())) {
                throw new ReferralRefused(ReferralRefused.Reason.ITEM_NOT_REFERABLE, agency.name());
            }
            if (choice.withReporter() && !agency.kind().isLawEnforcement()) {
                throw new ReferralRefused(ReferralRefused.Reason.REPORTER_ONLY_TO_POLICE, agency.name());
            }
            if (already(id, agency.id())) {
                throw new ReferralRefused(ReferralRefused.Reason.ALREADY_REFERRED, agency.name());
            }
            chosen.put(agency, choice);
        }
        cases.referred(id, analyst);
        Instant now = clock.instant();
        NoticeSchedule schedule = schedule();
        Map<String, UUID> made = new LinkedHashMap<>();
        // The police first, so that a notice held for them has their referral to wait for.
        List<Map.Entry<Agency, Choice>> ordered = new ArrayList<>(chosen.entrySet());
        ordered.sort((a, b) -> Boolean.compare(!a.getKey().kind().isLawEnforcement(), !b.getKey().kind().isLawEnforcement()));
        for (Map.Entry<Agency, Choice> entry : ordered) {
            Agency agency = entry.getKey();
            Choice choice = entry.getValue();
            UUID heldFor = null;
            if (choice.policeFirst() && agency.kind().takesDown()) {
                heldFor = made.entrySet().stream().filter(made1 -> agencies.find(made1.getKey()).map(a -> a.kind().isLawEnforcement()).orElse(false))
                        .map(Map.Entry::getValue).findFirst().or(() -> policeReferral(id))
                        .orElseThrow(() -> new ReferralRefused(ReferralRefused.Reason.POLICE_FIRST_WITHOUT_POLICE, agency.name()));
            }
            Instant firstNotice = heldFor != null ? null : agency.kind().takesDown() ? schedule.first(now) : schedule.inWindow(now);
            UUID referral = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO referral (id, report_id, reference, agency_id, restricted, status, takedown, held_for, with_reporter, language,
                        created_by, created_by_name, created_at, next_notice_at)
                    VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(referral, id.value(), summary.reference(), agency.id(), summary.restricted(), agency.kind().takesDown(), heldFor,
                            choice.withReporter(), agency.noticeLanguage().code(), analyst.id(), analyst.name(), Timestamp.from(now),
                            firstNotice == null ? null : Timestamp.from(firstNotice))
                    .update();
            for (int position : choice.positions().stream().sorted().toList()) {
                SubmittedReport.Item item = referable.get(position).reported();
                boolean isUrl = item.canonicalUrl() != null;
                if (isUrl) {
                    // Watched from now until it is gone: the checks time the removal, and hold back notices about content already gone.
                    HostingTrace trace = referable.get(position).trace();
                    checks.watch(id.value(), item.canonicalUrl(), trace == null ? null : trace.hostingCountry().orElse(null));
                }
                jdbc.sql("INSERT INTO referral_item (referral_id, position, target, is_url, outcome) VALUES (?, ?, ?, ?, ?)")
                        .params(referral, position, isUrl ? item.canonicalUrl() : target(item), isUrl,
                                referable.get(position).classification().outcome().name())
                        .update();
            }
            made.put(agency.id(), referral);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("reference", summary.reference());
            details.put("to", agency.name());
            details.put("items", String.valueOf(choice.positions().size()));
            if (heldFor != null) {
                details.put("held", "police");
            }
            audit.record(analyst.actor(), AuditAction.REFERRAL_MADE, REPORT, id.value().toString(), details);
        }
        return List.copyOf(made.values());
    }

    /**
     * The hotline's work on a referred report is done: the case is resolved, and its addresses are no longer checked.
     *
     * @throws org.raporto.casework.CaseConflict when the case is not referred, or someone else holds it
     */
    @Transactional
    public void resolve(ReportId id, Analyst analyst) {
        cases.resolve(id, analyst);
        checks.stop(id.value());
    }

    /** What the online checks found of each referred address of a report, by address; the caller checked who may see it. */
    public Map<String, Watch> watches(ReportId id) {
        Map<String, Watch> byUrl = new LinkedHashMap<>();
        checks.forReport(id.value()).forEach(watch -> byUrl.put(watch.url(), watch));
        return byUrl;
    }

    /** Whether the online checks are switched off (offline mode): pages say the addresses are not checked. */
    public boolean checksOffline() {
        return checks.offline();
    }

    /** The referrals of a report, for an analyst who may see it. */
    public List<Referral> of(ReportId id, Analyst analyst) {
        cases.find(id, analyst).orElseThrow(CaseNotFound::new);
        return load("r.report_id = ?", id.value());
    }

    /** The referrals sent to an agency, newest first: what its partners see (nothing before it is sent). */
    public List<Referral> to(String agency) {
        return load("r.agency_id = ? AND r.status <> 'QUEUED'", agency);
    }

    /**
     * One referral to the partner's agency, audited as a view of the report's content; empty when there is none to that
     * agency (whether it exists or not).
     */
    @Transactional
    public Optional<Referral> open(UUID id, String agency, Actor by) {
        Optional<Referral> referral = find(id).filter(found -> found.agency().id().equals(agency) && found.status() != ReferralStatus.QUEUED);
        referral.ifPresent(found -> audit.record(by, AuditAction.REPORT_VIEWED, REPORT, found.report().value().toString(),
                Map.of("reference", found.reference(), "part", "referral")));
        return referral;
    }

    /** Whether notices to hosts or platforms wait for this (police) referral's agreement. */
    public boolean holds(UUID policeReferral) {
        return jdbc.sql("SELECT count(*) FROM referral WHERE held_for = ?").param(policeReferral).query(Integer.class).single() > 0;
    }

    /** One referral, to be shown only to those who may see it (the caller checks). */
    public Optional<Referral> find(UUID id) {
        return load("r.id = ?", id).stream().findFirst();
    }

    /**
     * The police agreed that the notices held for them may go: each is due after the first online check, in the
     * sending window.
     *
     * @return how many notices were released
     */
    @Transactional
    public int policeAgreed(UUID policeReferral, Actor by) {
        Referral police = find(policeReferral).filter(referral -> referral.agency().kind().isLawEnforcement())
                .orElseThrow(() -> new ReferralRefused(ReferralRefused.Reason.UNKNOWN_REFERRAL, null));
        Instant due = schedule().first(clock.instant());
        List<String> released = jdbc.sql("""
                UPDATE referral r SET held_for = NULL, next_notice_at = ? FROM referral_agency a
                WHERE r.held_for = ? AND a.id = r.agency_id RETURNING a.name""")
                .params(Timestamp.from(due), policeReferral).query(String.class).list();
        for (String agency : released) {
            audit.record(by, AuditAction.POLICE_AGREED, REPORT, police.report().value().toString(), Map.of("reference", police.reference(), "to", agency));
        }
        return released.size();
    }

    /**
     * The agency says it has the referral: no more re-notices.
     *
     * @throws ReferralRefused when it was answered already, or not sent yet
     */
    @Transactional
    public void acknowledge(UUID id, String agency, Actor by) {
        Referral referral = lockedFor(id, agency);
        move(referral, ReferralStatus.ACKNOWLEDGED);
        Instant now = clock.instant();
        jdbc.sql("UPDATE referral SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, next_notice_at = NULL WHERE id = ?")
                .params(Timestamp.from(now), by.name(), id).update();
        audit.record(by, AuditAction.REFERRAL_ACKNOWLEDGED, REPORT, referral.report().value().toString(),
                Map.of("reference", referral.reference(), "to", referral.agency().name()));
        events.publishEvent(new ReferralAnswered(id, referral.report(), referral.agency().id(), ReferralStatus.ACKNOWLEDGED, now));
    }

    /**
     * What the agency did: removed the content, opened an investigation, or declined with a reason.
     *
     * @throws ReferralRefused when it was answered already, is not sent yet, or a decline has no reason
     */
    @Transactional
    public void answer(UUID id, String agency, Referral.Outcome outcome, @Nullable String reason, Actor by) {
        String why = reason == null ? "" : reason.strip();
        if ((outcome == Referral.Outcome.DECLINED && why.isEmpty()) || why.length() > MAX_REASON || why.chars().anyMatch(c -> c == 0)) {
            throw new ReferralRefused(ReferralRefused.Reason.REASON_NEEDED, null);
        }
        Referral referral = lockedFor(id, agency);
        move(referral, outcome.status());
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE referral SET status = ?, outcome = ?, outcome_reason = ?, outcome_at = ?, outcome_by = ?, next_notice_at = NULL,
                    acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by = coalesce(acknowledged_by, ?)
                WHERE id = ?""")
                .params(outcome.status().name(), outcome.name(), why.isEmpty() ? null : why, Timestamp.from(now), by.name(),
                        Timestamp.from(now), by.name(), id)
                .update();
        audit.record(by, AuditAction.REFERRAL_OUTCOME, REPORT, referral.report().value().toString(),
                Map.of("reference", referral.reference(), "to", referral.agency().name(), "answer", outcome.name()));
        events.publishEvent(new ReferralAnswered(id, referral.report(), referral.agency().id(), outcome.status(), now));
    }

    /**
     * Names who is told when a takedown notice goes unheeded: the site's owner, then the registrar.
     *
     * @throws ReferralRefused when an agency named cannot receive
     */
    @Transactional
    public void escalateTo(UUID id, @Nullable String owner, @Nullable String registrar, Analyst analyst) {
        Referral referral = find(id).orElseThrow(() -> new ReferralRefused(ReferralRefused.Reason.UNKNOWN_REFERRAL, null));
        cases.find(referral.report(), analyst).orElseThrow(CaseNotFound::new);
        for (String named : new String[] {owner, registrar}) {
            if (named != null) {
                Agency agency = agencies.find(named).orElseThrow(() -> new ReferralRefused(ReferralRefused.Reason.UNKNOWN_AGENCY, named));
                agency.blocked().ifPresent(blocked -> {
                    throw new ReferralRefused(ReferralRefused.Reason.valueOf(blocked.name()), agency.name());
                });
            }
        }
        jdbc.sql("UPDATE referral SET owner_agency_id = ?, registrar_agency_id = ? WHERE id = ?").params(owner, registrar, id).update();
    }

    /**
     * Finds the registrar of the referral's first address in the registration data and names it for the escalation;
     * a registrar new to the directory waits for an analyst's approval before anything is sent to it. Not in a
     * transaction: the registry may take seconds.
     *
     * @return the registrar, or empty when the registry named none (or the server is offline)
     */
    public Optional<Agency> findRegistrar(UUID id, Analyst analyst) {
        Referral referral = find(id).orElseThrow(() -> new ReferralRefused(ReferralRefused.Reason.UNKNOWN_REFERRAL, null));
        cases.find(referral.report(), analyst).orElseThrow(CaseNotFound::new);
        Optional<String> host = referral.items().stream().filter(Referral.Item::isUrl).map(item -> URI.create(item.target()).getHost())
                .filter(found -> found != null).findFirst();
        Optional<Agency> registrar = host.flatMap(contacts::registrar).map(agencies::registrar);
        registrar.ifPresent(found -> jdbc.sql("UPDATE referral SET registrar_agency_id = ? WHERE id = ?").params(found.id(), id).update());
        return registrar;
    }

    /**
     * The abuse contact of the network a hosting provider was found in, from the registration data, to fill in when
     * approving it. Not in a transaction: the registry may take seconds.
     */
    public Optional<AbuseContacts.Contact> abuseContact(ReportId report, String agency, Analyst analyst) {
        Agency provider = agencies.find(agency).filter(found -> found.asn() != null).orElse(null);
        if (provider == null) {
            return Optional.empty();
        }
        return caseFiles.items(report, analyst).stream().map(CaseFile.Item::trace).filter(trace -> trace != null)
                .flatMap(trace -> trace.addresses().stream())
                .filter(address -> address.onInternet() && provider.asn().equals(address.asn()))
                .findFirst()
                .flatMap(address -> contacts.network(address.ip()));
    }

    /** The working calendar of the sending windows, with today's holidays. */
    NoticeSchedule schedule() {
        return new NoticeSchedule(properties.takedown(), deadlines.calendar(), properties.window());
    }

    private Referral lockedFor(UUID id, String agency) {
        jdbc.sql("SELECT id FROM referral WHERE id = ? AND agency_id = ? FOR UPDATE").params(id, agency).query(UUID.class).optional()
                .orElseThrow(() -> new ReferralRefused(ReferralRefused.Reason.UNKNOWN_REFERRAL, null));
        return find(id).orElseThrow();
    }

    private static void move(Referral referral, ReferralStatus next) {
        if (!referral.status().canBecome(next)) {
            throw new ReferralRefused(ReferralRefused.Reason.WRONG_STATE, referral.agency().name());
        }
    }

    private boolean already(ReportId id, String agency) {
        return jdbc.sql("SELECT count(*) FROM referral WHERE report_id = ? AND agency_id = ?").params(id.value(), agency).query(Integer.class).single() > 0;
    }

    private Optional<UUID> policeReferral(ReportId id) {
        return jdbc.sql("SELECT r.id FROM referral r JOIN referral_agency a ON a.id = r.agency_id WHERE r.report_id = ? AND a.kind = 'POLICE'"
                + " ORDER BY r.created_at LIMIT 1").param(id.value()).query(UUID.class).optional();
    }

    private static String target(SubmittedReport.Item item) {
        return item.platform() == null ? item.typed() : item.platform().name() + ": " + item.typed();
    }

    private List<Referral> load(String where, Object parameter) {
        List<Row> rows = jdbc.sql("""
                SELECT r.* FROM referral r JOIN referral_agency a ON a.id = r.agency_id WHERE """ + " " + where
                + " ORDER BY r.created_at DESC, a.name LIMIT 500")
                .param(parameter)
                .query(Referrals::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Collection<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<Referral.Item>> items = new HashMap<>();
        jdbc.sql("SELECT referral_id, position, target, is_url, outcome FROM referral_item WHERE referral_id = ANY(?) ORDER BY position")
                .param(ids.toArray(UUID[]::new))
                .query(row -> {
                    items.computeIfAbsent(row.getObject(1, UUID.class), ignored -> new ArrayList<>())
                            .add(new Referral.Item(row.getInt(2), row.getString(3), row.getBoolean(4),
                                    row.getString(5) == null ? null : Classification.Outcome.valueOf(row.getString(5))));
                });
        Map<UUID, List<Referral.Notice>> notices = new HashMap<>();
        jdbc.sql("""
                SELECT n.referral_id, n.message_id, n.kind, a.name, n.queued_at, n.sent_at, n.given_up_at
                FROM referral_notice n JOIN referral_agency a ON a.id = n.agency_id WHERE n.referral_id = ANY(?) ORDER BY n.queued_at""")
                .param(ids.toArray(UUID[]::new))
                .query(row -> {
                    notices.computeIfAbsent(row.getObject(1, UUID.class), ignored -> new ArrayList<>())
                            .add(new Referral.Notice(row.getObject(2, UUID.class), NoticeKind.valueOf(row.getString(3)), row.getString(4),
                                    row.getTimestamp(5).toInstant(), instant(row, 6), instant(row, 7)));
                });
        Map<String, Agency> byId = new HashMap<>();
        List<Referral> referrals = new ArrayList<>();
        for (Row row : rows) {
            Agency agency = byId.computeIfAbsent(row.agency(), id -> agencies.find(id).orElseThrow());
            referrals.add(row.referral(agency, items.getOrDefault(row.id(), List.of()), notices.getOrDefault(row.id(), List.of())));
        }
        return referrals;
    }

    private static @Nullable Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        ReportId report = new ReportId(row.getObject("report_id", UUID.class));
        String reference = row.getString("reference");
        ReferralStatus status = ReferralStatus.valueOf(row.getString("status"));
        boolean restricted = row.getBoolean("restricted");
        boolean takedown = row.getBoolean("takedown");
        boolean held = row.getObject("held_for") != null;
        boolean withReporter = row.getBoolean("with_reporter");
        String createdBy = row.getString("created_by_name");
        Instant createdAt = row.getTimestamp("created_at").toInstant();
        Instant next = instant(row, "next_notice_at");
        Instant sent = instant(row, "sent_at");
        Instant acknowledged = instant(row, "acknowledged_at");
        String acknowledgedBy = row.getString("acknowledged_by");
        String outcome = row.getString("outcome");
        String reason = row.getString("outcome_reason");
        Instant outcomeAt = instant(row, "outcome_at");
        String outcomeBy = row.getString("outcome_by");
        String owner = row.getString("owner_agency_id");
        String registrar = row.getString("registrar_agency_id");
        return new Row(id, row.getString("agency_id"), (agency, items, notices) -> new Referral(id, report, reference, agency, status, restricted,
                takedown, held, withReporter, createdBy, createdAt, next, sent, acknowledged, acknowledgedBy,
                outcome == null ? null : Referral.Outcome.valueOf(outcome), reason, outcomeAt, outcomeBy, owner, registrar, items, notices));
    }

    /** A referral as read, waiting for its agency, items and notices. */
    private record Row(UUID id, String agency, Completion completion) {

        Referral referral(Agency agency, List<Referral.Item> items, List<Referral.Notice> notices) {
            return completion.with(agency, items, notices);
        }
    }

    @FunctionalInterface
    private interface Completion {
        Referral with(Agency agency, List<Referral.Item> items, List<Referral.Notice> notices);
    }
}
