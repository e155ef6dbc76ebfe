package org.raporto.intake;

import java.util.List;

/** A report that breaks its category's rules; nothing was stored. */
public class ReportRefused extends RuntimeException {

    private final List<ReportRules.Violation> violations;

    public ReportRefused(List<ReportRules.Violation> violations) {
        super("Report refused: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<ReportRules.Violation> violations() {
        return violations;
    }
}
