package org.raporto.intake;

/** Where a report stands, in the words a reporter is told. */
public enum ReportStatus {
    RECEIVED, IN_REVIEW, ACTION_TAKEN, CLOSED
}
