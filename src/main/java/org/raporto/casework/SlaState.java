package org.raporto.casework;

/** Where a report stands against one of its deadlines. */
public enum SlaState {

    /** More working time is left than the due-soon window. */
    ON_TIME,

    /** The deadline has not passed, but no more working time is left than the due-soon window. */
    DUE_SOON,

    /** The deadline has passed. */
    LATE
}
