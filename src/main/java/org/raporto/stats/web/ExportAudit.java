package org.raporto.stats.web;

import java.util.Map;

import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.stats.Period;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every export is in the audit log: who took which table of which period. */
@Component
public class ExportAudit {

    private final AuditLog audit;

    ExportAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public void exported(Actor by, String table, Period period, boolean withCsam) {
        audit.record(by, AuditAction.EXPORT_MADE, "statistics", table,
                Map.of("from", period.from().toString(), "to", period.to().toString(), "withCsam", String.valueOf(withCsam)));
    }
}
