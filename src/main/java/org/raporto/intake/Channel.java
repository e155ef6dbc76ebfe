package org.raporto.intake;

/** How a report reached the hotline. {@code HOTLINE}: forwarded by another hotline (INHOPE's ICCAM exchange). */
public enum Channel {
    WEB, APP, PARTNER, STAFF, HOTLINE
}
