package org.raporto.casework;

import java.util.Set;

import org.raporto.intake.ReportStatus;

/**
 * Where a report stands for the hotline: {@code NEW → IN_ASSESSMENT → ASSESSED → REFERRED → RESOLVED}, or
 * {@code CLOSED} with a reason from any open state.
 */
public enum CaseStatus {

    NEW, IN_ASSESSMENT, ASSESSED, REFERRED, RESOLVED, CLOSED;

    /** The states of the open queue: someone at the hotline still has to act. */
    public static final Set<CaseStatus> OPEN = Set.of(NEW, IN_ASSESSMENT, ASSESSED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Whether the hotline has finished with it; the retention period counts from then. */
    public boolean isFinished() {
        return this == RESOLVED || this == CLOSED;
    }

    public boolean canBecome(CaseStatus next) {
        return switch (this) {
            case NEW -> next == IN_ASSESSMENT || next == CLOSED;
            case IN_ASSESSMENT -> next == ASSESSED || next == CLOSED;
            case ASSESSED -> next == REFERRED || next == CLOSED || next == IN_ASSESSMENT;
            case REFERRED -> next == RESOLVED;
            case RESOLVED, CLOSED -> false;
        };
    }

    /** What the reporter is told on the follow-up page: less detail, the same truth. */
    public ReportStatus forReporter() {
        return switch (this) {
            case NEW -> ReportStatus.RECEIVED;
            case IN_ASSESSMENT, ASSESSED -> ReportStatus.IN_REVIEW;
            case REFERRED, RESOLVED -> ReportStatus.ACTION_TAKEN;
            case CLOSED -> ReportStatus.CLOSED;
        };
    }
}
