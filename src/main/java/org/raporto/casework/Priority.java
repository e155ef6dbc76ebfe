package org.raporto.casework;

import org.raporto.intake.Category;

/**
 * The order of the queue. {@code KNOWN_CSAM} comes before everything: an address already assessed as child sexual
 * abuse material is online again, and every hour counts.
 */
public enum Priority {

    KNOWN_CSAM, URGENT, HIGH, NORMAL, LOW;

    /** The rank the queue sorts by; the database stores it beside the name. */
    public int urgency() {
        return ordinal();
    }

    static Priority of(Category.Priority first) {
        return valueOf(first.name());
    }
}
