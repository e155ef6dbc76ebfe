package org.raporto.casework;

import java.time.Instant;
import java.util.List;

import org.raporto.intake.ReportId;

/** Every item of a report has its final classification; referral takes it from here. */
public record ReportAssessed(ReportId report, String reference, String category, List<Classification.Outcome> outcomes, Instant at) {
}
