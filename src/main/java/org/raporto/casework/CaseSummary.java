package org.raporto.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.Channel;
import org.raporto.intake.ReportId;

/**
 * A case as the queue shows it: nothing the reporter wrote, so it may be listed freely to whoever may see the case.
 *
 * @param hostingCountries ISO codes of the countries where its addresses are hosted, as far as traced
 * @param mergedInto       the report this one was merged into as a duplicate, if any
 */
public record CaseSummary(ReportId id, String reference, String category, Channel channel, Priority priority, CaseStatus status,
        @Nullable CloseReason closeReason, @Nullable UUID assignee, @Nullable String assigneeName, @Nullable Instant claimedAt,
        Instant receivedAt, @Nullable Instant firstLookAt, @Nullable Instant assessedAt, @Nullable Instant finishedAt,
        @Nullable Instant firstLookDue, @Nullable Instant assessmentDue, List<String> hostingCountries, List<String> hosts,
        @Nullable ReportId mergedInto, boolean restricted, @Nullable Instant erasedAt) {

    public boolean isClaimedBy(UUID analyst) {
        return analyst.equals(assignee);
    }
}
