package org.raporto.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.SubmittedReport;
import org.raporto.tracing.HostingTrace;

/**
 * Everything about one report for the analyst who opened it: what the reporter gave (unsealed for this view), the
 * items with their classifications and earlier reports of the same addresses, notes, and what happened when.
 *
 * @param mergedIntoReference the report this one was merged into, if any
 * @param mergedHere          references of reports merged into this one
 * @param fourEyes            whether classifications in this category wait for a second analyst
 */
public record CaseFile(CaseSummary summary, SubmittedReport report, List<Item> items, List<Note> notes, List<Event> timeline,
        @Nullable String mergedIntoReference, List<String> mergedHere, boolean fourEyes) {

    /**
     * One reported item and what the hotline made of it.
     *
     * @param classification its latest classification, final or waiting for confirmation
     * @param seen           earlier reports of the same address, for an address
     * @param trace          where the address's host is, as far as traced, for an address
     */
    public record Item(SubmittedReport.Item reported, @Nullable String host, @Nullable Classification classification,
            @Nullable String classifiedBy, @Nullable Instant classifiedAt, @Nullable String confirmedBy, @Nullable Instant confirmedAt,
            boolean isFinal, @Nullable Seen seen, @Nullable HostingTrace trace) {

        public boolean awaitsConfirmation() {
            return classification != null && !isFinal;
        }
    }

    /**
     * How often an address was reported, in this report and others.
     *
     * @param lastOutcome     its last final classification anywhere, if any
     * @param earlierElsewhere whether that classification was made in another report, so it can be applied here
     */
    public record Seen(int timesReported, Instant firstReportedAt, Instant lastReportedAt, Classification.@Nullable Outcome lastOutcome,
            @Nullable Instant lastAssessedAt, boolean earlierElsewhere) {

        public boolean reportedBefore() {
            return timesReported > 1;
        }
    }

    /** A staff note. */
    public record Note(String author, String text, Instant writtenAt) {
    }

    /**
     * One thing that happened, oldest first.
     *
     * @param kind    an audit action's name, or {@code RECEIVED}, {@code REPORTER_MESSAGE}, {@code HOTLINE_MESSAGE}
     * @param who     the staff member, or empty for the reporter and the system
     * @param details the audit entry's facts
     */
    public record Event(Instant at, String kind, String who, Map<String, String> details) {
    }
}
