package org.raporto.casework;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hours of a working day, Monday to Friday, in the site's time zone ({@code raporto.site.time-zone}).
 *
 * @param start when work begins, {@code 08:00} by default (Albanian public administration hours)
 * @param end   when it ends, {@code 16:00} by default; after {@code start}, or {@code 00:00} for the end of the day
 */
@ConfigurationProperties("raporto.casework.working-hours")
record WorkingHours(@DefaultValue("08:00") LocalTime start, @DefaultValue("16:00") LocalTime end) {

    /** @throws IllegalArgumentException naming the setting when the hours end before they begin */
    WorkingHours {
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException("raporto.casework.working-hours.end (" + end
                    + ") must be after raporto.casework.working-hours.start (" + start + "), or 00:00 for the end of the day");
        }
    }

    WorkingCalendar calendar(ZoneId zone, Collection<LocalDate> holidays) {
        return WorkingCalendar.of(zone, start, end, holidays);
    }

    /** The length of one working day; the same in every time zone. */
    Duration workingDay() {
        return calendar(WorkingCalendar.TIRANE, Set.of()).workingDay();
    }
}
