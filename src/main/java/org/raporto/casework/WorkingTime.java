package org.raporto.casework;

import java.time.Duration;

/**
 * An amount of working time as a target is written: whole working days and minutes. The days are kept as days, not
 * as hours, so that "1 working day" stays one working day when the working hours change.
 *
 * @param days    whole working days, 0 to {@value #MAX_DAYS}
 * @param minutes working minutes on top, 0 to {@value #MAX_MINUTES}
 */
public record WorkingTime(int days, int minutes) {

    public static final int MAX_DAYS = 365;
    public static final int MAX_MINUTES = 60 * 24 * 7;

    /**
     * @throws IllegalArgumentException when a part is out of bounds or both are zero: a target of no time at all would
     *                                  make every report late at once
     */
    public WorkingTime {
        if (days < 0 || days > MAX_DAYS || minutes < 0 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("Working time is 0 to " + MAX_DAYS + " days and 0 to " + MAX_MINUTES
                    + " minutes, not " + days + " days and " + minutes + " minutes");
        }
        if (days == 0 && minutes == 0) {
            throw new IllegalArgumentException("Working time must be more than nothing");
        }
    }

    public static WorkingTime ofDays(int days) {
        return new WorkingTime(days, 0);
    }

    public static WorkingTime ofHours(int hours) {
        return new WorkingTime(0, Math.multiplyExact(hours, 60));
    }

    /** As time that passes at work, a working day being {@code workingDay} long (see {@link WorkingCalendar#workingDay()}). */
    public Duration in(Duration workingDay) {
        return workingDay.multipliedBy(days).plusMinutes(minutes);
    }

    /** {@code 1d}, {@code 4h}, {@code 1d2h30m}: short, the same in every language, for the audit log. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append('d');
        }
        if (minutes / 60 > 0) {
            text.append(minutes / 60).append('h');
        }
        if (minutes % 60 > 0) {
            text.append(minutes % 60).append('m');
        }
        return text.toString();
    }
}
