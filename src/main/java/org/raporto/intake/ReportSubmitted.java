package org.raporto.intake;

import java.time.Instant;

/** A report was received and stored; casework takes it from here. Carries nothing the reporter wrote. */
public record ReportSubmitted(ReportId report, String reference, Channel channel, String category, Category.Priority priority, Instant submittedAt) {
}
