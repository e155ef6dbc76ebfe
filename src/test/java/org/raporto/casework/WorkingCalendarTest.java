package org.raporto.casework;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working time in Europe/Tirane, Monday to Friday 08:00–16:00, with Albania's days off of 2025–2027 as computed from
 * the rules (not read from the database). Times in the tests are local times in Tirane.
 */
class WorkingCalendarTest {

    private static final ZoneId TIRANE = WorkingCalendar.TIRANE;
    private static final Set<LocalDate> DAYS_OFF = daysOff();
    private static final WorkingCalendar ALBANIA = WorkingCalendar.albanian(DAYS_OFF);
    private static final WorkingCalendar NO_HOLIDAYS = WorkingCalendar.albanian(Set.of());
    private static final WorkingCalendar ROUND_THE_CLOCK =
            new WorkingCalendar(TIRANE, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-03-10T08:00, true",
            "2026-03-10T07:59:59.999, false",
            "2026-03-10T15:59:59.999, true",
            "2026-03-10T16:00, false",
            "2026-03-10T12:00, true",
            "2026-03-07T10:00, false",   // Saturday
            "2026-03-08T10:00, false",   // Sunday
            "2026-03-20T10:00, false",   // Friday, Bajrami i Madh
            "2026-03-23T10:00, false",   // Monday, given off for Nevruz on Sunday
            "2026-03-24T10:00, true"})
    void aWorkingMomentIsInsideTheHoursOfAWorkingDay(LocalDateTime local, boolean working) {
        assertThat(ALBANIA.isWorkingMoment(at(local))).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            // within a day, and to the minute the day closes
            "2026-03-10T09:00, PT2H,   2026-03-10T11:00",
            "2026-03-10T08:00, PT8H,   2026-03-10T16:00",
            "2026-03-10T15:00, PT2H,   2026-03-11T09:00",
            // outside the hours: counted from the next opening
            "2026-03-10T06:00, PT1H,   2026-03-10T09:00",
            "2026-03-10T17:00, PT1H,   2026-03-11T09:00",
            "2026-03-10T16:00, PT1H,   2026-03-11T09:00",
            // one working day is the length of the hours: to the same time on the next working day
            "2026-03-10T10:00, PT8H,   2026-03-11T10:00",
            // over a weekend
            "2026-03-06T15:00, PT2H,   2026-03-09T09:00",
            // a holiday on a Friday (Bajrami i Madh, 20 March) and the Monday after given off (Nevruz on Sunday)
            "2026-03-19T15:00, PT2H,   2026-03-24T09:00",
            // a holiday on a Monday (given off for Orthodox Easter)
            "2026-04-10T15:00, PT2H,   2026-04-14T09:00",
            // 23:59 on a Friday before a Monday given off (Summer Day on Saturday 14 March)
            "2026-03-13T23:59, PT4H,   2026-03-17T12:00",
            // …and before two days off (28 and 29 November 2026 on the weekend: Monday and Tuesday)
            "2026-11-27T23:59, PT4H,   2026-12-02T12:00",
            // a working day that ends at 16:00 exactly stays there, also across days off
            "2026-11-27T12:00, PT12H,  2026-12-02T16:00",
            // a holiday on a Tuesday (Bajrami i Madh, 9 March 2027)
            "2027-03-08T15:30, PT1H,   2027-03-10T08:30"})
    void addsWorkingTimeSkippingNightsWeekendsAndHolidays(LocalDateTime start, Duration workingTime, LocalDateTime due) {
        assertThat(local(ALBANIA.plusWorkingTime(at(start), workingTime))).isEqualTo(due);
    }

    @ParameterizedTest(name = "zero from {0} = {1}")
    @CsvSource({
            "2026-03-10T11:23:45, 2026-03-10T11:23:45",
            "2026-03-10T08:00,    2026-03-10T08:00",
            "2026-03-10T16:00,    2026-03-11T08:00",
            "2026-03-10T05:00,    2026-03-10T08:00",
            "2026-03-13T23:59,    2026-03-17T08:00"})
    void zeroWorkingTimeIsTheNextWorkingMoment(LocalDateTime start, LocalDateTime due) {
        assertThat(local(ALBANIA.plusWorkingTime(at(start), Duration.ZERO))).isEqualTo(due);
        assertThat(local(ALBANIA.nextWorkingMoment(at(start)))).isEqualTo(due);
    }

    @Test
    void refusesNegativeWorkingTime() {
        assertThatThrownBy(() -> ALBANIA.plusWorkingTime(at("2026-03-10T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measuresWorkingTimeBetweenTwoInstants() {
        assertThat(ALBANIA.workingTimeBetween(at("2026-03-10T09:00"), at("2026-03-10T11:30"))).isEqualTo(Duration.ofMinutes(150));
        assertThat(ALBANIA.workingTimeBetween(at("2026-03-06T15:00"), at("2026-03-09T09:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(ALBANIA.workingTimeBetween(at("2026-03-13T16:00"), at("2026-03-17T08:00"))).as("a long weekend").isZero();
        assertThat(ALBANIA.workingTimeBetween(at("2026-03-10T10:00"), at("2026-03-10T10:00"))).isZero();
        assertThat(ALBANIA.workingTimeBetween(at("2026-03-07T10:00"), at("2026-03-07T12:00"))).as("on a Saturday").isZero();
    }

    @Test
    void workingTimeBackwardsIsNegativeSoThatTimeLeftTurnsIntoTimeOverdue() {
        assertThat(ALBANIA.workingTimeBetween(at("2026-03-09T09:00"), at("2026-03-06T15:00"))).isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void theClocksGoingForwardInMarchMoveNoWorkingHour() {
        // Sunday 29 March 2026, 02:00 → 03:00: Friday is UTC+1, Monday UTC+2.
        Instant friday = at("2026-03-27T15:00");
        Instant due = ALBANIA.plusWorkingTime(friday, Duration.ofHours(2));

        assertThat(local(due)).isEqualTo(LocalDateTime.parse("2026-03-30T09:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(friday).isEqualTo(Instant.parse("2026-03-27T14:00:00Z"));
        assertThat(ALBANIA.workingTimeBetween(at("2026-03-27T08:00"), at("2026-03-30T16:00"))).isEqualTo(Duration.ofHours(16));
        assertThat(ALBANIA.isWorkingMoment(Instant.parse("2026-03-30T05:30:00Z"))).as("07:30 local, before the office opens").isFalse();
        assertThat(ALBANIA.isWorkingMoment(Instant.parse("2026-03-30T13:30:00Z"))).as("15:30 local").isTrue();
    }

    @Test
    void theClocksGoingBackInOctoberMoveNoWorkingHour() {
        // Sunday 25 October 2026, 03:00 → 02:00: Friday is UTC+2, Monday UTC+1.
        Instant due = ALBANIA.plusWorkingTime(at("2026-10-23T15:00"), Duration.ofHours(2));

        assertThat(local(due)).isEqualTo(LocalDateTime.parse("2026-10-26T09:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
        assertThat(ALBANIA.workingTimeBetween(at("2026-10-23T08:00"), at("2026-10-26T16:00"))).isEqualTo(Duration.ofHours(16));
        assertThat(ALBANIA.isWorkingMoment(Instant.parse("2026-10-26T14:30:00Z"))).as("15:30 local").isTrue();
        assertThat(ALBANIA.isWorkingMoment(Instant.parse("2026-10-26T15:30:00Z"))).as("16:30 local").isFalse();
    }

    @Test
    void aDayWhoseHoursHoldTheClockChangeHoldsAnHourLessOrMore() {
        WorkingCalendar nights = new WorkingCalendar(TIRANE, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0), LocalTime.of(5, 0), Set.of());

        assertThat(nights.workingDay()).isEqualTo(Duration.ofHours(4));
        assertThat(nights.workingTimeBetween(at("2026-03-29T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(3));
        assertThat(nights.workingTimeBetween(at("2026-10-25T00:00"), at("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(local(nights.plusWorkingTime(at("2026-03-29T01:00"), Duration.ofHours(4)))).isEqualTo(LocalDateTime.parse("2026-03-30T02:00"));
    }

    @Test
    void hoursToMidnightCoverTheWholeDayAndTheClockChangeMakesItShorterOrLonger() {
        assertThat(ROUND_THE_CLOCK.workingDay()).isEqualTo(Duration.ofHours(24));
        assertThat(ROUND_THE_CLOCK.isWorkingMoment(at("2026-03-29T00:00"))).isTrue();
        assertThat(ROUND_THE_CLOCK.isWorkingMoment(at("2026-03-29T23:59:59"))).isTrue();
        assertThat(ROUND_THE_CLOCK.workingTimeBetween(at("2026-03-29T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(ROUND_THE_CLOCK.workingTimeBetween(at("2026-10-25T00:00"), at("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
        assertThat(local(ROUND_THE_CLOCK.plusWorkingTime(at("2026-03-28T00:00"), Duration.ofHours(48))))
                .isEqualTo(LocalDateTime.parse("2026-03-30T01:00"));

        WorkingCalendar evenings = WorkingCalendar.of(TIRANE, LocalTime.of(18, 0), LocalTime.MIDNIGHT, Set.of());
        assertThat(evenings.workingDay()).isEqualTo(Duration.ofHours(6));
        assertThat(local(evenings.plusWorkingTime(at("2026-03-10T23:00"), Duration.ofHours(2)))).isEqualTo(LocalDateTime.parse("2026-03-11T19:00"));
    }

    @Test
    void twoHundredWorkingDaysAreCountedDayByDayThroughHolidaysAndBothClockChanges() {
        Instant start = at("2026-01-05T08:00");
        Duration workingTime = ALBANIA.workingDay().multipliedBy(200);

        Instant due = ALBANIA.plusWorkingTime(start, workingTime);

        assertThat(local(due)).isEqualTo(LocalDateTime.parse("2026-10-21T16:00"));
        assertThat(ALBANIA.workingTimeBetween(start, due)).isEqualTo(workingTime);
    }

    @Test
    void a2026OfTwoHundredAndFortySixWorkingDays() {
        assertThat(ALBANIA.workingTimeBetween(at("2026-01-01T00:00"), at("2027-01-01T00:00"))).isEqualTo(Duration.ofHours(246 * 8));
        assertThat(NO_HOLIDAYS.workingTimeBetween(at("2026-01-01T00:00"), at("2027-01-01T00:00"))).isEqualTo(Duration.ofHours(261 * 8));
    }

    @Test
    void instantsFarInThePastAndFutureAreCountedAsWell() {
        // 1 January 1900 was a Monday, when Tirane kept its local mean time (UTC+01:19:20).
        assertThat(local(NO_HOLIDAYS.plusWorkingTime(at("1900-01-01T12:00"), Duration.ofHours(6)))).isEqualTo(LocalDateTime.parse("1900-01-02T10:00"));
        assertThat(at("1900-01-01T12:00")).isEqualTo(Instant.parse("1900-01-01T10:40:40Z"));
        // 31 December 9999 is a Friday.
        assertThat(local(NO_HOLIDAYS.plusWorkingTime(at("9999-12-30T15:00"), Duration.ofHours(2)))).isEqualTo(LocalDateTime.parse("9999-12-31T09:00"));
        assertThat(NO_HOLIDAYS.workingTimeBetween(at("1900-01-01T00:00"), at("1900-01-08T00:00"))).isEqualTo(Duration.ofHours(40));
        assertThat(NO_HOLIDAYS.workingTimeBetween(at("2026-01-05T00:00"), at("2126-01-05T00:00")))
                .as("a century, day by day").isEqualTo(Duration.ofHours(8L * weekdays(LocalDate.of(2026, 1, 5), LocalDate.of(2126, 1, 5))));
    }

    @Test
    void anAnswerBeyondTheLastDateJavaHoldsIsAnErrorNotAnEndlessLoop() {
        assertThatThrownBy(() -> NO_HOLIDAYS.plusWorkingTime(at("+999999999-12-31T15:00"), Duration.ofHours(2)))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> NO_HOLIDAYS.plusWorkingTime(Instant.MAX, Duration.ZERO)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> NO_HOLIDAYS.isWorkingMoment(Instant.MIN)).isInstanceOf(DateTimeException.class);
    }

    /**
     * Against a count minute by minute, written apart from the calendar: working time between random pairs of
     * instants around both clock changes and the spring holidays, and the due time of random working times.
     */
    @Test
    void agreesWithACountMinuteByMinuteAroundClockChangesAndHolidays() {
        Random random = new Random(20260329);
        for (String[] window : List.of(new String[] {"2026-03-09T00:00", "2026-04-20T00:00"},
                new String[] {"2026-10-16T00:00", "2026-11-06T00:00"}, new String[] {"2026-11-20T00:00", "2026-12-12T00:00"})) {
            Instant first = at(window[0]);
            long minutes = ChronoUnit.MINUTES.between(first, at(window[1]));
            boolean[] working = new boolean[(int) minutes];
            for (int minute = 0; minute < minutes; minute++) {
                working[minute] = byHand(first.plus(Duration.ofMinutes(minute)));
            }
            for (int pair = 0; pair < 300; pair++) {
                int from = random.nextInt((int) minutes);
                int to = from + random.nextInt((int) minutes - from);
                int counted = 0;
                for (int minute = from; minute < to; minute++) {
                    counted += working[minute] ? 1 : 0;
                }
                Instant fromInstant = first.plus(Duration.ofMinutes(from));
                Instant toInstant = first.plus(Duration.ofMinutes(to));
                assertThat(ALBANIA.workingTimeBetween(fromInstant, toInstant)).as(fromInstant + " to " + toInstant)
                        .isEqualTo(Duration.ofMinutes(counted));

                int wanted = random.nextInt(4 * 8 * 60);
                int minute = from;
                int left = wanted;
                while (minute < minutes && (left > 0 || !working[minute])) {
                    left -= working[minute] ? 1 : 0;
                    minute++;
                }
                if (minute < minutes) {
                    Instant due = ALBANIA.plusWorkingTime(fromInstant, Duration.ofMinutes(wanted));
                    // By hand the due minute is the first one after the time ran out; the calendar's answer is the
                    // same instant, or the close of the day when the time runs out exactly at 16:00.
                    Instant expected = first.plus(Duration.ofMinutes(minute));
                    if (wanted > 0 && !due.equals(expected)) {
                        assertThat(local(due).toLocalTime()).as(fromInstant + " + " + wanted + " min").isEqualTo(LocalTime.of(16, 0));
                        assertThat(ALBANIA.nextWorkingMoment(due)).isEqualTo(expected);
                    }
                    else {
                        assertThat(due).as(fromInstant + " + " + wanted + " min").isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void addingAndMeasuringAreInversesForManyStartsAndDurations() {
        List<Duration> durations = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(479),
                Duration.ofHours(8), Duration.ofMinutes(481), Duration.ofHours(24), Duration.ofHours(8 * 200));
        for (Instant start = at("2026-03-01T00:00"); start.isBefore(at("2026-04-15T00:00")); start = start.plus(Duration.ofMinutes(97))) {
            for (Duration workingTime : durations) {
                Instant due = ALBANIA.plusWorkingTime(start, workingTime);
                assertThat(ALBANIA.workingTimeBetween(start, due)).as(start + " + " + workingTime).isEqualTo(workingTime);
                assertThat(due).isAfterOrEqualTo(start);
                if (!workingTime.isZero()) {
                    assertThat(ALBANIA.isWorkingMoment(due.minusNanos(1))).as("the last instant before " + due + " is worked").isTrue();
                }
            }
        }
    }

    @Test
    void isAValueThatKeepsNoReferenceToWhatItWasBuiltFrom() {
        Set<LocalDate> holidays = new HashSet<>(Set.of(LocalDate.of(2026, 3, 10)));
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.TUESDAY);
        WorkingCalendar calendar = new WorkingCalendar(TIRANE, days, LocalTime.of(8, 0), LocalTime.of(16, 0), holidays);

        holidays.clear();
        days.add(DayOfWeek.SATURDAY);

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 10))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 14))).isFalse();
        assertThat(calendar).isEqualTo(new WorkingCalendar(TIRANE, EnumSet.of(DayOfWeek.TUESDAY), LocalTime.of(8, 0), LocalTime.of(16, 0),
                Set.of(LocalDate.of(2026, 3, 10))));
        assertThat(calendar.withHolidays(Set.of()).isWorkingDay(LocalDate.of(2026, 3, 10))).isTrue();
    }

    @Test
    void refusesACalendarWithoutWork() {
        assertThatThrownBy(() -> new WorkingCalendar(TIRANE, EnumSet.noneOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(16, 0), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingCalendar.of(TIRANE, LocalTime.of(16, 0), LocalTime.of(8, 0), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingCalendar.of(TIRANE, LocalTime.of(8, 0), LocalTime.of(8, 0), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The working hours checked by hand, on the wall clock. */
    private static boolean byHand(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, TIRANE);
        DayOfWeek day = local.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !DAYS_OFF.contains(local.toLocalDate())
                && !local.toLocalTime().isBefore(LocalTime.of(8, 0)) && local.toLocalTime().isBefore(LocalTime.of(16, 0));
    }

    private static long weekdays(LocalDate from, LocalDate until) {
        return from.datesUntil(until).filter(day -> day.getDayOfWeek().getValue() <= 5).count();
    }

    private static Set<LocalDate> daysOff() {
        Set<LocalDate> days = new TreeSet<>();
        for (int year = 2025; year <= 2027; year++) {
            days.addAll(AlbanianHolidays.daysOff(year));
        }
        return days;
    }

    private static Instant at(String local) {
        return at(LocalDateTime.parse(local));
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(TIRANE).toInstant();
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, TIRANE);
    }
}
