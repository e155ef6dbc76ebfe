package org.raporto.intake;

/** When the reporter saw it: coarse on purpose, easy for a child to answer and hard to identify anyone by. */
public enum Happened {
    TODAY, THIS_WEEK, THIS_MONTH, EARLIER, UNKNOWN
}
