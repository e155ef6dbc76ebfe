package org.raporto.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the online checks find, told to the case: a referred address gone (with the time it took) or hosted in another
 * country, in the case's timeline; and no more takedown notices about content that is gone.
 */
@Component
class Removals {

    private static final Actor CHECKS = new Actor(null, "Raporto");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Removals(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void removed(ContentRemoved removed) {
        Map<String, String> details = details(removed.reportId(), removed.canonicalUrl());
        details.put("removedAfter", removed.timeToRemoval().toString());
        audit.record(CHECKS, AuditAction.CONTENT_REMOVED, Referrals.REPORT, removed.reportId().toString(), details);
        // A takedown referral whose every address is gone needs no more notices.
        jdbc.sql("""
                UPDATE referral r SET next_notice_at = NULL
                WHERE r.report_id = ? AND r.takedown AND r.next_notice_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM referral_item i
                                  LEFT JOIN referral_watch w ON w.report_id = r.report_id AND w.canonical_url = i.target
                                  WHERE i.referral_id = r.id AND i.is_url AND (w.status IS NULL OR w.status <> 'REMOVED'))""")
                .param(removed.reportId()).update();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(ContentMoved moved) {
        Map<String, String> details = details(moved.reportId(), moved.canonicalUrl());
        details.put("from", moved.fromCountry());
        details.put("country", moved.toCountry());
        audit.record(CHECKS, AuditAction.CONTENT_MOVED, Referrals.REPORT, moved.reportId().toString(), details);
    }

    /** The reference and item number, never the address: the audit log is read by administrators without clearance. */
    private Map<String, String> details(UUID report, String url) {
        Map<String, String> details = new LinkedHashMap<>();
        jdbc.sql("SELECT reference FROM referral WHERE report_id = ? LIMIT 1").param(report).query(String.class).optional()
                .ifPresent(reference -> details.put("reference", reference));
        List<Integer> positions = jdbc.sql("""
                SELECT DISTINCT i.position FROM referral_item i JOIN referral r ON r.id = i.referral_id
                WHERE r.report_id = ? AND i.target = ? ORDER BY 1""").params(report, url).query(Integer.class).list();
        if (!positions.isEmpty()) {
            // Numbered from 1, as the case page and the rest of its timeline number items.
            details.put("position", String.valueOf(positions.get(0) + 1));
        }
        return details;
    }
}
