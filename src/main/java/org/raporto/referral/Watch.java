package org.raporto.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The online checks of one referred address of one report, as far as they went.
 *
 * @param reportId       the report
 * @param url            the canonical URL checked
 * @param status         where the checks stand
 * @param started        when the watch started
 * @param lastChecked    when it was last checked; null before the first check
 * @param checks         how many checks were made
 * @param lastResult     the last check's outcome: an HTTP status ({@code "404"}) or a failure ({@code "NO_SUCH_HOST"},
 *                       {@code "TIMEOUT"}…); null before the first check
 * @param removedAt      when it was first found gone, of the answers that made it {@code REMOVED}; null otherwise
 * @param timeToRemoval  {@code removedAt − started}; null when not removed
 * @param country        the hosting country when the watch started; null when not known then
 * @param movedToCountry where it is hosted since it moved; null when it has not
 * @param stopped        whether the checks were stopped (the case is over) before the content was removed
 */
public record Watch(UUID reportId, String url, Status status, Instant started, @Nullable Instant lastChecked, int checks,
        @Nullable String lastResult, @Nullable Instant removedAt, @Nullable Duration timeToRemoval, @Nullable String country,
        @Nullable String movedToCountry, boolean stopped) {

    public Watch {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(started, "started");
        if ((status == Status.REMOVED) != (removedAt != null)) {
            throw new IllegalArgumentException("A watch has a removal time exactly when it is removed");
        }
    }

    /** Whether it is still checked. */
    public boolean active() {
        return status != Status.REMOVED && !stopped;
    }

    public enum Status {
        /** Not checked yet. */
        PENDING,
        /** It answered at the last check (a page, a redirect, a login, a server error: the site is there). */
        ONLINE,
        /** Gone: "gone" answers in a row. Checks end. */
        REMOVED,
        /** Online, and now hosted in another country than at the start. Checks go on. */
        MOVED,
        /** The server may not fetch it (it resolves to a private address, or is an onion service with no proxy). */
        UNAVAILABLE
    }
}
