package org.raporto.stats.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.stats.CaseList;
import org.raporto.stats.Period;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every export is in the audit log: who took which table of which period, and the case list with its filter. */
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

    @Transactional
    public void exportedCases(Actor by, Period period, CaseList.Filter filter, boolean withCsam) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", period.from().toString());
        details.put("to", period.to().toString());
        details.put("withCsam", String.valueOf(withCsam));
        putIfChosen(details, "category", filter.category());
        putIfChosen(details, "channel", filter.channel());
        putIfChosen(details, "outcome", filter.outcome());
        putIfChosen(details, "status", filter.status());
        audit.record(by, AuditAction.EXPORT_MADE, "statistics", "cases", details);
    }

    private static void putIfChosen(Map<String, String> details, String name, @Nullable String value) {
        if (value != null) {
            details.put(name, value);
        }
    }
}
