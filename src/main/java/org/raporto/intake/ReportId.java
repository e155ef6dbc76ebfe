package org.raporto.intake;

import java.util.UUID;

/** Identifies a report inside Raporto; never shown to the reporter (they have the reference and the receipt). */
public record ReportId(UUID value) {

    public static ReportId random() {
        return new ReportId(UUID.randomUUID());
    }
}
