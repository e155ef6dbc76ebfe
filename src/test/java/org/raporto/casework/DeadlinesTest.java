package org.raporto.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.audit.Actor;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadlines in the running application: its configuration, the holidays and targets in the database, and a clock the
 * test moves. Times are local times in Tirane.
 */
@SpringBootTest
class DeadlinesTest {

    private static final Instant FRIDAY_BEFORE_SUMMER_DAY = at("2026-03-13T14:00");

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(FRIDAY_BEFORE_SUMMER_DAY);
        }
    }

    @Autowired
    Deadlines deadlines;

    @Autowired
    Holidays holidays;

    @Autowired
    MutableClock clock;

    /**
     * The only test that moves the clock: a report of child sexual abuse material received on Friday 13 March 2026 at
     * 14:00, before Summer Day on Saturday and the Monday given off for it.
     */
    @Test
    void aReportTurnsFromOnTimeToDueSoonToLateAsTheClockMovesAcrossAWeekendAndAHoliday() {
        Instant received = clock.instant();
        Deadline firstLook = deadlines.firstLook(received, "csam");
        Deadline assessment = deadlines.assessment(received, "csam");

        // Two working hours on Friday, none on Saturday, Sunday and Monday the 16th, two more on Tuesday.
        assertThat(local(firstLook.due())).isEqualTo(LocalDateTime.parse("2026-03-17T10:00"));
        assertThat(firstLook.workingTime()).isEqualTo(Duration.ofHours(4));
        assertThat(local(assessment.due())).isEqualTo(LocalDateTime.parse("2026-03-17T14:00"));
        assertThat(deadlines.firstLookDue(received, "csam")).isEqualTo(firstLook.due());
        assertThat(deadlines.assessmentDue(received, "csam")).isEqualTo(assessment.due());
        assertThat(deadlines.state(firstLook)).isEqualTo(SlaState.ON_TIME);

        moveTo("2026-03-13T15:30");
        assertThat(deadlines.state(firstLook)).isEqualTo(SlaState.ON_TIME);
        assertThat(deadlines.workingTimeLeft(firstLook.due())).isEqualTo(Duration.ofMinutes(150));

        moveTo("2026-03-16T12:00");
        assertThat(deadlines.state(firstLook)).as("the weekend and the holiday used up none of the time").isEqualTo(SlaState.ON_TIME);
        assertThat(deadlines.workingTimeLeft(firstLook.due())).isEqualTo(Duration.ofHours(2));

        moveTo("2026-03-17T09:00");
        assertThat(deadlines.state(firstLook)).as("one hour left of four").isEqualTo(SlaState.DUE_SOON);
        assertThat(deadlines.state(assessment)).isEqualTo(SlaState.ON_TIME);

        moveTo("2026-03-17T10:00");
        assertThat(deadlines.state(firstLook)).as("due this very minute, not yet late").isEqualTo(SlaState.DUE_SOON);

        moveTo("2026-03-17T10:01");
        assertThat(deadlines.state(firstLook)).isEqualTo(SlaState.LATE);
        assertThat(deadlines.workingTimeLeft(firstLook.due())).isEqualTo(Duration.ofMinutes(-1));

        moveTo("2026-03-17T12:00");
        assertThat(deadlines.state(assessment)).as("two hours left of eight").isEqualTo(SlaState.DUE_SOON);

        moveTo("2026-03-17T14:01");
        assertThat(deadlines.state(assessment)).isEqualTo(SlaState.LATE);
    }

    @Test
    void theCalendarIsTheConfiguredOneWithTheHolidaysOfTheDatabase() {
        WorkingCalendar calendar = deadlines.calendar();

        assertThat(calendar.zone()).isEqualTo(WorkingCalendar.TIRANE);
        assertThat(calendar.start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(calendar.end()).isEqualTo(LocalTime.of(16, 0));
        assertThat(calendar.workingDays()).isEqualTo(WorkingCalendar.MONDAY_TO_FRIDAY);
        assertThat(calendar.holidays()).containsAll(holidays.days()).contains(LocalDate.of(2026, 3, 16));
        assertThat(deadlines.calendar()).as("built once while nothing changes").isSameAs(calendar);
    }

    @Test
    void aReportReceivedOnAHolidayWeekendCountsFromTheNextWorkingMorning() {
        Instant saturday = at("2026-03-14T10:00");

        assertThat(local(deadlines.firstLookDue(saturday, "cyberbullying"))).isEqualTo(LocalDateTime.parse("2026-03-17T16:00"));
        assertThat(local(deadlines.assessmentDue(saturday, "cyberbullying"))).isEqualTo(LocalDateTime.parse("2026-03-18T16:00"));
        assertThat(local(deadlines.firstLookDue(saturday, "grooming"))).isEqualTo(LocalDateTime.parse("2026-03-17T12:00"));
    }

    @Test
    void aDeadlineOnMondayMorningIsDueSoonOnTheFridayAfternoonBefore() {
        Instant due = at("2026-03-09T10:00");
        Duration window = Duration.ofHours(2);

        assertThat(deadlines.state(due, at("2026-03-06T15:30"), window)).isEqualTo(SlaState.ON_TIME);
        assertThat(deadlines.state(due, at("2026-03-06T16:00"), window)).isEqualTo(SlaState.DUE_SOON);
        assertThat(deadlines.state(due, at("2026-03-08T23:00"), window)).isEqualTo(SlaState.DUE_SOON);
        assertThat(deadlines.state(due, at("2026-03-09T10:00:00.001"), window)).isEqualTo(SlaState.LATE);
        assertThatThrownBy(() -> deadlines.state(due, at("2026-03-06T15:30"), Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Transactional
    void aHolidayAnAdministratorAddsMovesDeadlinesThatHaveNotPassed() {
        Instant friday = at("2027-06-04T15:00");
        assertThat(local(deadlines.firstLookDue(friday, "csam"))).isEqualTo(LocalDateTime.parse("2027-06-07T11:00"));

        holidays.add(new Holiday(LocalDate.of(2027, 6, 7), "Ditë pushimi", "Day off"),
                new Actor(UUID.fromString("1b2c3d4e-5f60-4718-293a-4b5c6d7e8f90"), "Arta Krasniqi"));

        assertThat(local(deadlines.firstLookDue(friday, "csam"))).isEqualTo(LocalDateTime.parse("2027-06-08T11:00"));
    }

    private void moveTo(String local) {
        Instant target = at(local);
        clock.advance(Duration.between(clock.instant(), target));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.TIRANE).toInstant();
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, WorkingCalendar.TIRANE);
    }
}
