package org.raporto.casework;

import java.time.Instant;

import org.raporto.intake.ReportId;

/** A report was closed without being passed on. */
public record ReportClosed(ReportId report, String reference, CloseReason reason, Instant at) {
}
