package org.raporto.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;


/**
 * Referred content is still online, now hosted in another country: the referral goes to that country's hotline.
 *
 * @param fromCountry where it was hosted (ISO 3166-1 alpha-2): at the start of the watch, or after its last move
 * @param toCountry   where it is hosted now
 * @param at          when the check found it
 */
public record ContentMoved(UUID reportId, String canonicalUrl, String fromCountry, String toCountry, Instant at) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public ContentMoved {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        Objects.requireNonNull(at, "at");
        if (!COUNTRY.matcher(fromCountry).matches() || !COUNTRY.matcher(toCountry).matches() || fromCountry.equals(toCountry)) {
            throw new IllegalArgumentException("A move is between two different countries: " + fromCountry + " → " + toCountry);
        }
    }
}
