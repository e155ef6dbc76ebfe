package org.raporto.casework;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the hotline works: some days of the week, the same hours on each of them in one time zone, and no work on
 * holidays. Service-level targets are measured in this working time ("4 working hours", "1 working day").
 * <p>
 * Hours are wall-clock times in the zone, so 08:00 is 08:00 on both sides of a clock change. Working time is time that
 * really passes inside working hours: in the rare set-up where a clock change falls inside working hours, that day
 * holds an hour more or less. A working day, as a unit, is the nominal length of the hours ({@link #workingDay()},
 * 8 hours for 08:00–16:00), so one working day from 10:00 on a Monday ends at 10:00 on the next working day.
 * <p>
 * Pure and immutable: the same arguments give the same answer, whatever the time or the thread. The methods walk
 * day by day, so their cost grows with the number of calendar days they span (a year is about 365 steps). Instants
 * whose date lies beyond the years {@link LocalDate} holds (±999,999,999) raise a {@link java.time.DateTimeException}.
 *
 * @param zone        the time zone of the hours and of the dates
 * @param workingDays the days of the week that are worked unless a holiday; at least one
 * @param start       when work begins on a working day
 * @param end         when it ends, after {@code start}; {@link LocalTime#MIDNIGHT} means the end of the day, so that
 *                    00:00–00:00 is the whole day
 * @param holidays    dates on which nobody works, whatever the day of the week
 */
public record WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime start, LocalTime end, Set<LocalDate> holidays) {

    /** Where Raporto's default installation works (Albania). */
    public static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");

    /** Monday to Friday. */
    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = Collections.unmodifiableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** Albanian public administration hours. */
    public static final LocalTime DEFAULT_START = LocalTime.of(8, 0);
    public static final LocalTime DEFAULT_END = LocalTime.of(16, 0);

    /**
     * @throws IllegalArgumentException when no day of the week is worked, or the hours end before they begin
     */
    public WorkingCalendar {
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("At least one day of the week must be a working day");
        }
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException("Working hours must end after they begin, not " + start + "–" + end);
        }
        workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday, these hours, these holidays. */
    public static WorkingCalendar of(ZoneId zone, LocalTime start, LocalTime end, Collection<LocalDate> holidays) {
        return new WorkingCalendar(zone, MONDAY_TO_FRIDAY, start, end, Set.copyOf(holidays));
    }

    /** Europe/Tirane, Monday to Friday, 08:00–16:00, these holidays. */
    public static WorkingCalendar albanian(Collection<LocalDate> holidays) {
        return of(TIRANE, DEFAULT_START, DEFAULT_END, holidays);
    }

    /** The same calendar with other holidays. */
    public WorkingCalendar withHolidays(Collection<LocalDate> other) {
        return new WorkingCalendar(zone, workingDays, start, end, Set.copyOf(other));
    }

    /** The length of one working day, the unit of targets such as "1 working day": 8 hours for 08:00–16:00. */
    public Duration workingDay() {
        return end.equals(LocalTime.MIDNIGHT)
                ? Duration.ofDays(1).minus(Duration.between(LocalTime.MIDNIGHT, start))
                : Duration.between(start, end);
    }

    /** Whether people work on this date at all: a working day of the week that is not a holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Whether this instant falls inside working hours: from the start (included) to the end (excluded) of a working day. */
    public boolean isWorkingMoment(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return isWorkingDay(date) && !instant.isBefore(opens(date)) && instant.isBefore(closes(date));
    }

    /** The instant itself if it is a working moment, otherwise the start of the next working day. */
    public Instant nextWorkingMoment(Instant instant) {
        return plusWorkingTime(instant, Duration.ZERO);
    }

    /**
     * When this much working time will have passed, counting from {@code start}, or from the next working moment when
     * {@code start} falls outside working hours (a report received on Friday night counts from Monday morning).
     * <p>
     * Time that ends exactly at the close of a working day ends there (8 working hours from Monday 08:00 are Monday
     * 16:00, not Tuesday 08:00). Zero working time gives the next working moment.
     *
     * @throws IllegalArgumentException when the working time is negative
     * @throws java.time.DateTimeException when the answer would lie beyond the years {@link LocalDate} holds
     */
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time cannot be negative: " + workingTime);
        }
        Duration left = workingTime;
        // A working day's hours never reach into the next date (at most to its midnight), so no earlier date matters.
        for (LocalDate date = start.atZone(zone).toLocalDate(); ; date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant opens = opens(date);
            Instant closes = closes(date);
            Instant from = start.isAfter(opens) ? start : opens;
            if (!from.isBefore(closes)) {
                continue;
            }
            Duration available = Duration.between(from, closes);
            if (left.compareTo(available) <= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
    }

    /**
     * How much working time lies between two instants: positive when {@code to} is later, negative when it is earlier
     * (so that time left before a deadline turns negative once it has passed).
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant opens = opens(date);
            Instant closes = closes(date);
            Instant begin = from.isAfter(opens) ? from : opens;
            Instant finish = to.isBefore(closes) ? to : closes;
            if (begin.isBefore(finish)) {
                total = total.plus(Duration.between(begin, finish));
            }
        }
        return total;
    }

    // In a gap (clocks put forward) a local time that does not exist moves forward by the gap; in an overlap the
    // earlier of the two instants is taken. Both are what a person at the office would see.
    private Instant opens(LocalDate date) {
        return ZonedDateTime.of(date, start, zone).toInstant();
    }

    private Instant closes(LocalDate date) {
        return end.equals(LocalTime.MIDNIGHT)
                ? date.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(date, end, zone).toInstant();
    }
}
