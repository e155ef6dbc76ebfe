package org.raporto.intake;

/** Who is reporting, as they describe themselves. */
public enum ReporterRole {
    CHILD, PARENT, TEACHER, PROFESSIONAL, OTHER
}
