package org.raporto.intake;

import java.time.Instant;

/** The reporter wrote to the hotline from the follow-up page. Carries nothing of what they wrote. */
public record ReporterReplied(ReportId report, String reference, Instant sentAt) {
}
