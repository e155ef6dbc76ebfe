package org.raporto.intake;

import org.raporto.tracing.CanonicalUrl;

/** One thing a report points at: an address, or an account on a platform. */
public sealed interface ReportedItem {

    /** An address, canonical and as typed. */
    record Address(CanonicalUrl url) implements ReportedItem {
    }

    /** An account, profile or user name on a platform. */
    record Account(Platform platform, String name) implements ReportedItem {

        public static final int MAX_LENGTH = 200;

        public Account {
            name = name.strip();
            if (name.isEmpty() || name.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("An account name has 1 to " + MAX_LENGTH + " characters");
            }
        }
    }
}
