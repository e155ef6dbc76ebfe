package org.raporto.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Targets in working days and minutes, a deadline's due-soon window, and the configured working hours. */
class WorkingTimeTest {

    @Test
    void aWorkingDayIsAsLongAsTheWorkingHours() {
        assertThat(WorkingTime.ofDays(1).in(Duration.ofHours(8))).isEqualTo(Duration.ofHours(8));
        assertThat(WorkingTime.ofDays(2).in(Duration.ofMinutes(510))).as("08:00–16:30").isEqualTo(Duration.ofMinutes(1020));
        assertThat(new WorkingTime(1, 90).in(Duration.ofHours(8))).isEqualTo(Duration.ofMinutes(570));
        assertThat(WorkingTime.ofHours(4).in(Duration.ofHours(8))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void isWrittenShortlyForTheAuditLog() {
        assertThat(WorkingTime.ofDays(1)).hasToString("1d");
        assertThat(WorkingTime.ofHours(4)).hasToString("4h");
        assertThat(new WorkingTime(1, 150)).hasToString("1d2h30m");
        assertThat(new WorkingTime(0, 45)).hasToString("45m");
    }

    @Test
    void refusesNoTimeAtAllAndTimesOutOfBounds() {
        assertThatThrownBy(() -> new WorkingTime(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTime(-1, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTime(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTime(WorkingTime.MAX_DAYS + 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTime(0, WorkingTime.MAX_MINUTES + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadlineIsDueSoonInTheLastQuarterOfItsWorkingTime() {
        assertThat(new Deadline(Instant.EPOCH, Duration.ofHours(4)).dueSoonWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(new Deadline(Instant.EPOCH, Duration.ofHours(8)).dueSoonWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(new Deadline(Instant.EPOCH, Duration.ofHours(16)).dueSoonWindow()).isEqualTo(Duration.ofHours(4));
        assertThatThrownBy(() -> new Deadline(Instant.EPOCH, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoryCodesAreCheckedAndACategoryWithoutTargetGetsTheStandardOne() {
        assertThat(SlaTarget.standard("new-category")).isEqualTo(new SlaTarget("new-category", WorkingTime.ofDays(1), WorkingTime.ofDays(2)));
        assertThatThrownBy(() -> SlaTarget.standard("CSAM")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaTarget.standard("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingHoursAreReadFromTheSettingsWithAlbanianAdministrationHoursByDefault() {
        assertThat(bind(Map.of())).isEqualTo(new WorkingHours(LocalTime.of(8, 0), LocalTime.of(16, 0)));
        assertThat(bind(Map.of("raporto.casework.working-hours.start", "09:30", "raporto.casework.working-hours.end", "17:00")))
                .isEqualTo(new WorkingHours(LocalTime.of(9, 30), LocalTime.of(17, 0)));
        assertThat(bind(Map.of("raporto.casework.working-hours.end", "00:00")).workingDay()).isEqualTo(Duration.ofHours(16));
        assertThat(bind(Map.of()).workingDay()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void workingHoursThatEndBeforeTheyBeginStopTheStartNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("raporto.casework.working-hours.start", "16:00", "raporto.casework.working-hours.end", "08:00")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("raporto.casework.working-hours.end");
    }

    private static WorkingHours bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("raporto.casework.working-hours", WorkingHours.class);
    }
}
