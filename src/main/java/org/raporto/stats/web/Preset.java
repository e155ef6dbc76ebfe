package org.raporto.stats.web;

import java.time.LocalDate;

/** A common period offered as a plain link on the dashboard (no JavaScript needed). */
public record Preset(String labelKey, LocalDate from, LocalDate to) {

    public String href() {
        return StatsController.STATS + "?from=" + from + "&to=" + to;
    }
}
