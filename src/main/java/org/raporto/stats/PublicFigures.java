package org.raporto.stats;

import java.util.List;

/**
 * What the public may know of a year: counts only, every table with its small cells suppressed
 * ({@link Suppression}). Child sexual abuse material appears only as a count among categories and outcomes, and
 * among the hosting regions of illegal items. Hosting countries are not public: with few items in a country, its count
 * could be worked out from its region's.
 */
public record PublicFigures(int year, boolean partial, Suppression.Cell total, List<Suppression.Cell> months,
        List<Suppression.Cell> categories, List<Suppression.Cell> outcomes, List<Suppression.Cell> removal,
        List<Suppression.Cell> regions, List<Integer> years) {

    /** Removal bands, in order: within 24 hours, 1–3 days, 3–7 days, more than 7 days after the report. */
    public static final List<String> REMOVAL_BANDS = List.of("WITHIN_24_HOURS", "WITHIN_3_DAYS", "WITHIN_7_DAYS", "LATER");
}
