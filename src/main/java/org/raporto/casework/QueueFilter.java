package org.raporto.casework;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.Channel;

/**
 * What the queue shows. Every field narrows it; an empty filter shows the open queue.
 *
 * @param statuses   the states shown; empty for the open ones
 * @param assignee   only cases held by this account
 * @param unassigned only cases nobody holds
 * @param late       only cases past a deadline (first look or assessment)
 * @param from       received on or after this day (in the site's time zone)
 * @param to         received on or before this day
 * @param country    hosted in this country (ISO code)
 * @param text       a reference (whole or its start) or part of a reported host name
 */
public record QueueFilter(Set<CaseStatus> statuses, @Nullable String category, @Nullable Channel channel, @Nullable UUID assignee,
        boolean unassigned, boolean late, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String country, @Nullable String text) {

    public static final int MAX_TEXT = 200;

    public QueueFilter {
        statuses = Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public static QueueFilter open() {
        return new QueueFilter(Set.of(), null, null, null, false, false, null, null, null, null);
    }

    /** The states shown: the open ones unless others were chosen. */
    public Set<CaseStatus> shown() {
        return statuses.isEmpty() ? CaseStatus.OPEN : statuses;
    }
}
