package org.raporto.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.intake.Categories;
import org.raporto.intake.ReportId;
import org.raporto.intake.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases what a reporter gave, and the staff's notes on it, once a report has been finished (closed or resolved) for
 * its category's retention period: the data keys are deleted with the ciphertext, so copies in backups become
 * unreadable too. The facts statistics count stay. Each erasure is audited.
 * <p>
 * Safe on any number of nodes: each batch locks the cases it erases and skips those another node holds.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final Reports reports;
    private final Categories categories;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Retention(JdbcClient jdbc, Reports reports, Categories categories, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.categories = categories;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Erases every report due, a batch per transaction. @return how many were erased */
    @Scheduled(fixedDelayString = "${raporto.casework.retention.interval}", initialDelayString = "PT2M")
    public int eraseDue() {
        int erased = 0;
        for (Categories.Listed listed : categories.all()) {
            int batch;
            do {
                batch = transactions.execute(status -> eraseBatch(listed.category().code(), listed.category().retentionDays()));
                erased += batch;
            }
            while (batch == BATCH);
        }
        if (erased > 0) {
            log.info("Retention erased the personal data of {} finished reports", erased);
        }
        return erased;
    }

    private int eraseBatch(String category, int retentionDays) {
        Instant now = clock.instant();
        List<Object[]> due = jdbc.sql("""
                SELECT report_id, reference FROM casework_case
                WHERE category_code = ? AND erased_at IS NULL AND finished_at IS NOT NULL AND finished_at < ?
                ORDER BY finished_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(category, Timestamp.from(now.minus(Duration.ofDays(retentionDays))), BATCH)
                .query((row, number) -> new Object[] {row.getObject("report_id", UUID.class), row.getString("reference")})
                .list();
        for (Object[] report : due) {
            ReportId id = new ReportId((UUID) report[0]);
            reports.erase(id);
            jdbc.sql("DELETE FROM casework_note WHERE report_id = ?").param(id.value()).update();
            jdbc.sql("UPDATE casework_case SET data_key = NULL, erased_at = ? WHERE report_id = ?").params(Timestamp.from(now), id.value()).update();
            audit.record(Actor.system(), AuditAction.REPORT_ERASED, Cases.OBJECT, id.value().toString(),
                    Map.of("reference", (String) report[1], "retentionDays", String.valueOf(retentionDays)));
        }
        return due.size();
    }
}
