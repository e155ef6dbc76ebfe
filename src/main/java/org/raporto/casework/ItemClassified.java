package org.raporto.casework;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.raporto.intake.ReportId;

/**
 * An item's classification became final (confirmed by a second analyst where the category asks for it).
 *
 * @param canonicalUrl the item's address, or null for an account on a platform
 */
public record ItemClassified(ReportId report, int position, Classification.Outcome outcome, @Nullable String canonicalUrl,
        Instant at) {
}
