package org.raporto.intake;

/** The age of the child the report is about, as far as the reporter knows. */
public enum AgeBand {
    UNDER_13, FROM_13_TO_15, FROM_16_TO_17, ADULT, UNKNOWN
}
