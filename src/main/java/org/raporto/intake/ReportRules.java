package org.raporto.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * What a report must contain for its category. The same rules answer the wizard and the API, so a report is
 * accepted or refused the same way whichever way it comes.
 */
public final class ReportRules {

    private ReportRules() {
    }

    /** The rules a report breaks, empty when it may be stored. */
    public static List<Violation> check(NewReport report, Category category) {
        List<Violation> violations = new ArrayList<>();
        if (report.items().size() > NewReport.MAX_ITEMS) {
            violations.add(Violation.TOO_MANY_ITEMS);
        }
        if (report.description().length() > NewReport.MAX_DESCRIPTION) {
            violations.add(Violation.DESCRIPTION_TOO_LONG);
        }
        if (!report.screenshots().isEmpty() && !category.attachmentsAllowed()) {
            violations.add(Violation.SCREENSHOTS_NOT_ALLOWED);
        }
        if (report.screenshots().size() > Screenshots.MAX_PER_REPORT) {
            violations.add(Violation.TOO_MANY_SCREENSHOTS);
        }
        switch (category.requires()) {
            case URL -> {
                if (!report.hasAddress()) {
                    violations.add(Violation.ADDRESS_REQUIRED);
                }
            }
            case URL_OR_ACCOUNT -> {
                if (!report.hasAddress() && !report.hasAccount()) {
                    violations.add(Violation.ADDRESS_OR_ACCOUNT_REQUIRED);
                }
            }
            case ANYTHING -> {
                if (!report.hasAddress() && !report.hasAccount() && report.description().isEmpty()) {
                    violations.add(Violation.SOMETHING_REQUIRED);
                }
            }
        }
        return violations;
    }

    /** A broken rule, named for the message the reporter reads. */
    public enum Violation {
        UNKNOWN_CATEGORY("category"),
        ADDRESS_REQUIRED("where"),
        ADDRESS_OR_ACCOUNT_REQUIRED("where"),
        SOMETHING_REQUIRED("where"),
        TOO_MANY_ITEMS("where"),
        DESCRIPTION_TOO_LONG("what"),
        SCREENSHOTS_NOT_ALLOWED("screenshots"),
        TOO_MANY_SCREENSHOTS("screenshots"),
        /** A screenshot waited too long for its report and was forgotten. */
        SCREENSHOT_GONE("screenshots");

        private final String step;

        Violation(String step) {
            this.step = step;
        }

        /** The step of the form where the reporter can put it right. */
        public String step() {
            return step;
        }
    }
}
