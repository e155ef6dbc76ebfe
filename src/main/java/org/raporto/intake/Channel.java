package org.raporto.intake;

/** How a report reached the hotline. */
public enum Channel {
    WEB, APP, PARTNER, STAFF
}
