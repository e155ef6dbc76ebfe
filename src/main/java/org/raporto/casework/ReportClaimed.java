package org.raporto.casework;

import java.time.Instant;
import java.util.Objects;

import org.raporto.intake.ReportId;

/**
 * Someone at the hotline took a report for the first time: its first look, the start of the SLA's second leg.
 * Published once per report, in the transaction that records the claim; later claims of the same report are not.
 */
public record ReportClaimed(ReportId report, Instant at) {

    public ReportClaimed {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(at, "at");
    }
}
