package org.raporto.stats;

import java.util.UUID;

import org.raporto.casework.ItemClassified;
import org.raporto.casework.ReportAssessed;
import org.raporto.casework.ReportClaimed;
import org.raporto.casework.ReportClosed;
import org.raporto.intake.ReportSubmitted;
import org.raporto.referral.ContentMoved;
import org.raporto.referral.ContentRemoved;
import org.raporto.referral.ReferralAnswered;
import org.raporto.referral.ReferralSent;
import org.raporto.tracing.HostingTraced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code stats_report} and {@code stats_referral} up to date. Every event names a report; the report's rows
 * are then derived again from the owning modules' tables with the same statement the rebuild runs for all reports.
 * That makes each refresh idempotent (an event heard twice, or out of order, gives the same rows) and makes the
 * rebuild the oracle the projection is tested against. Events carry ids and times only, while the projection needs
 * the reporter's role, the age band, platforms and hosting networks: reading those from the source tables here is a
 * deliberate, read-only exception to "modules talk through events" (decision 0010).
 *
 * <p>Refreshes run after the publishing transaction commits, in a transaction of their own: a failure here is
 * logged (by report id only) and never undoes or fails the work that published the event; the next event of the
 * report, or a rebuild, repairs the row.
 */
@Component
class Projection {

    private static final Logger log = LoggerFactory.getLogger(Projection.class);

    /** Most serious first: a report's outcome is the first of these among its items. */
    private static final String SEVERITY = "ARRAY['BASELINE_CSAM', 'NATIONAL_ILLEGAL', 'HARMFUL_NOT_ILLEGAL', 'NOT_ACTIONABLE', "
            + "'OUT_OF_REMIT', 'DUPLICATE']";

    private static final String ILLEGAL = "('BASELINE_CSAM', 'NATIONAL_ILLEGAL')";

    private static final String REPORTS = """
            INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, platforms,
                outcome, csam, case_status, illegal_countries, illegal_networks, first_look_at, assessed_at, referred_at,
                removed_at, closed_at, first_look_due, assessment_due, monitoring, refreshed_at)
            SELECT r.id, r.submitted_at, r.category_code, r.channel, r.reporter_role, r.child_age_band,
                coalesce((SELECT array_agg(DISTINCT i.platform ORDER BY i.platform) FROM intake_report_item i
                          WHERE i.report_id = r.id AND i.platform IS NOT NULL), '{}'),
                (SELECT ci.outcome FROM casework_item ci WHERE ci.report_id = r.id AND ci.outcome IS NOT NULL
                 ORDER BY array_position(%1$s, ci.outcome) LIMIT 1),
                r.category_code = 'csam' OR coalesce(c.restricted, false)
                    OR EXISTS (SELECT 1 FROM casework_item ci WHERE ci.report_id = r.id AND ci.outcome = 'BASELINE_CSAM'),
                coalesce(c.status, 'NEW'),
                coalesce((SELECT array_agg(h.country ORDER BY h.country) FROM casework_item ci
                          JOIN tracing_host h ON h.host = ci.host
                          WHERE ci.report_id = r.id AND ci.outcome IN %2$s AND h.country IS NOT NULL), '{}'),
                coalesce((SELECT array_agg(n.network ORDER BY n.network) FROM casework_item ci
                          CROSS JOIN LATERAL (SELECT DISTINCT coalesce('AS' || a.asn || ' ' || a.network, 'AS' || a.asn, a.network) AS network
                                              FROM tracing_address a
                                              WHERE a.host = ci.host AND a.on_internet AND (a.asn IS NOT NULL OR a.network IS NOT NULL)) AS n
                          WHERE ci.report_id = r.id AND ci.outcome IN %2$s), '{}'),
                c.first_look_at, c.assessed_at,
                (SELECT min(f.sent_at) FROM referral f WHERE f.report_id = r.id),
                (SELECT CASE WHEN count(*) FILTER (WHERE w.status IN ('PENDING', 'ONLINE')) = 0 THEN max(w.removed_at) END
                 FROM referral_watch w WHERE w.report_id = r.id),
                c.finished_at, c.first_look_due, c.assessment_due,
                EXISTS (SELECT 1 FROM referral_watch w WHERE w.report_id = r.id AND w.status IN ('PENDING', 'ONLINE')),
                now()
            FROM intake_report r LEFT JOIN casework_case c ON c.report_id = r.id
            WHERE %3$s
            ON CONFLICT (report_id) DO UPDATE SET received_at = excluded.received_at, category_code = excluded.category_code,
                channel = excluded.channel, reporter_role = excluded.reporter_role, age_band = excluded.age_band,
                platforms = excluded.platforms, outcome = excluded.outcome, csam = excluded.csam,
                case_status = excluded.case_status, illegal_countries = excluded.illegal_countries,
                illegal_networks = excluded.illegal_networks, first_look_at = excluded.first_look_at,
                assessed_at = excluded.assessed_at, referred_at = excluded.referred_at, removed_at = excluded.removed_at,
                closed_at = excluded.closed_at, first_look_due = excluded.first_look_due,
                assessment_due = excluded.assessment_due, monitoring = excluded.monitoring, refreshed_at = excluded.refreshed_at""";

    private static final String REFERRALS = """
            INSERT INTO stats_referral (referral_id, report_id, agency_id, agency_kind, status, csam, created_at, sent_at, refreshed_at)
            SELECT f.id, f.report_id, f.agency_id, a.kind, f.status,
                f.restricted OR coalesce((SELECT s.csam FROM stats_report s WHERE s.report_id = f.report_id), false),
                f.created_at, f.sent_at, now()
            FROM referral f JOIN referral_agency a ON a.id = f.agency_id
            WHERE %s
            ON CONFLICT (referral_id) DO UPDATE SET status = excluded.status, csam = excluded.csam, sent_at = excluded.sent_at,
                agency_kind = excluded.agency_kind, refreshed_at = excluded.refreshed_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    Projection(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReportSubmitted event) {
        refresh(event.report().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReportClaimed event) {
        refresh(event.report().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ItemClassified event) {
        refresh(event.report().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReportAssessed event) {
        refresh(event.report().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReportClosed event) {
        refresh(event.report().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReferralSent event) {
        refresh(event.report().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReferralAnswered event) {
        refresh(event.report().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ContentRemoved event) {
        refresh(event.reportId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ContentMoved event) {
        refresh(event.reportId());
    }

    /** A host's country and network matter only to reports with an item there assessed as illegal. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(HostingTraced event) {
        try {
            separately.executeWithoutResult(status -> jdbc.sql(REPORTS.formatted(SEVERITY, ILLEGAL, """
                    r.id IN (SELECT c2.report_id FROM casework_case c2 WHERE c2.hosts @> ARRAY[CAST(:host AS text)])
                    AND EXISTS (SELECT 1 FROM casework_item i2 WHERE i2.report_id = r.id AND i2.host = :host AND i2.outcome IN %s)"""
                    .formatted(ILLEGAL)))
                    .param("host", event.host())
                    .update());
        }
        catch (RuntimeException e) {
            log.warn("Statistics of the reports on a traced host not refreshed; a rebuild will repair them", e);
        }
    }

    /** Rebuilds an install that has reports but no statistics yet (the first start after this module arrived). */
    @EventListener(ApplicationReadyEvent.class)
    void fillWhenEmpty() {
        boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM stats_report) AND EXISTS (SELECT 1 FROM intake_report)")
                .query(Boolean.class).single();
        if (empty) {
            log.info("Statistics: {} reports projected from existing data", rebuild());
        }
    }

    /** Derives one report's rows again; never throws. */
    void refresh(UUID report) {
        try {
            separately.executeWithoutResult(status -> {
                jdbc.sql(REPORTS.formatted(SEVERITY, ILLEGAL, "r.id = :id")).param("id", report).update();
                jdbc.sql(REFERRALS.formatted("f.report_id = :id")).param("id", report).update();
            });
        }
        catch (RuntimeException e) {
            log.warn("Statistics of report {} not refreshed; its next event or a rebuild will repair them", report, e);
        }
    }

    /**
     * Derives every row again from the source tables, in one transaction.
     *
     * @return how many reports were projected
     */
    int rebuild() {
        Integer projected = separately.execute(status -> {
            int reports = jdbc.sql(REPORTS.formatted(SEVERITY, ILLEGAL, "true")).update();
            jdbc.sql(REFERRALS.formatted("true")).update();
            return reports;
        });
        return projected == null ? 0 : projected;
    }
}
