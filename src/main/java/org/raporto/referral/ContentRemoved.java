package org.raporto.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;


/**
 * Referred content is gone: its address answered "gone" (404, 410, no such host, connection refused) in
 * {@code raporto.referral.checks.gone-after} checks in a row.
 *
 * @param reportId      the report whose referral was watched
 * @param canonicalUrl  the address
 * @param removedAt     when the first of those "gone" answers came: the earliest time it is known to be gone
 * @param timeToRemoval from the start of the watch to {@code removedAt}
 */
public record ContentRemoved(UUID reportId, String canonicalUrl, Instant removedAt, Duration timeToRemoval) {

    public ContentRemoved {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        Objects.requireNonNull(removedAt, "removedAt");
        if (timeToRemoval.isNegative()) {
            throw new IllegalArgumentException("Content is not removed before it is watched: " + timeToRemoval);
        }
    }
}
