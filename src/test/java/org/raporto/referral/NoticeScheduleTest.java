package org.raporto.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.raporto.casework.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice-and-takedown schedule, with the Albanian working calendar (Tirana, Monday to Friday, 08:00–16:00). */
class NoticeScheduleTest {

    /** Monday 2 March 2026, 10:00 in Tirana. */
    private static final Instant MONDAY_TEN = Instant.parse("2026-03-02T09:00:00Z");

    private final NoticeSchedule schedule = new NoticeSchedule(new ReferralProperties.Takedown(Duration.ofHours(1), Duration.ofHours(24),
            Duration.ofHours(72), Duration.ofHours(144)), WorkingCalendar.albanian(List.of(LocalDate.of(2026, 3, 3))), ReferralProperties.Window.WORKING_HOURS);

    @Test
    void theFirstNoticeOfAHostComesAnHourAfterTheReferralInWorkingHours() {
        assertThat(schedule.first(MONDAY_TEN)).isEqualTo(MONDAY_TEN.plus(Duration.ofHours(1)));
        // Referred at 15:30: an hour later is after closing, so the next working morning; Tuesday is a holiday here.
        Instant lateAfternoon = Instant.parse("2026-03-02T14:30:00Z");
        assertThat(schedule.first(lateAfternoon)).isEqualTo(Instant.parse("2026-03-04T07:00:00Z"));
    }

    @Test
    void noticesWaitForTheSendingWindow() {
        Instant saturday = Instant.parse("2026-03-07T10:00:00Z");
        assertThat(schedule.inWindow(saturday)).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
        assertThat(schedule.inWindow(MONDAY_TEN)).isEqualTo(MONDAY_TEN);
        NoticeSchedule always = new NoticeSchedule(new ReferralProperties.Takedown(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(72),
                Duration.ofHours(144)), WorkingCalendar.albanian(List.of()), ReferralProperties.Window.ALWAYS);
        assertThat(always.inWindow(saturday)).isEqualTo(saturday);
    }

    @Test
    void whileOnlineAReNoticeEveryDayThenTheOwnerThenTheRegistrar() {
        Instant first = MONDAY_TEN;
        assertThat(schedule.due(null, false, false, first)).isEqualTo(NoticeKind.FIRST);
        // After the first notice: the next is a day later (Tuesday is a holiday, so Wednesday morning).
        assertThat(schedule.next(first, false, false, first)).isEqualTo(Instant.parse("2026-03-04T07:00:00Z"));
        assertThat(schedule.due(first, false, false, first.plus(Duration.ofHours(48)))).isEqualTo(NoticeKind.REMINDER);
        assertThat(schedule.due(first, false, false, first.plus(Duration.ofHours(72)))).isEqualTo(NoticeKind.ESCALATION_OWNER);
        assertThat(schedule.due(first, true, false, first.plus(Duration.ofHours(100)))).isEqualTo(NoticeKind.REMINDER);
        assertThat(schedule.due(first, true, false, first.plus(Duration.ofHours(144)))).isEqualTo(NoticeKind.ESCALATION_REGISTRAR);
        assertThat(schedule.due(first, false, false, first.plus(Duration.ofHours(150)))).as("the registrar first, once both are late")
                .isEqualTo(NoticeKind.ESCALATION_REGISTRAR);
        assertThat(schedule.due(first, true, true, first.plus(Duration.ofHours(200)))).isEqualTo(NoticeKind.REMINDER);
    }

    @Test
    void theNextNoticeIsTheEarlierOfTheReNoticeAndAnEscalation() {
        Instant first = MONDAY_TEN;
        // Thursday 10:00, two days and 23 hours after: the re-notice would be Friday 10:00, the owner's escalation Thursday 10:00.
        Instant thursday = first.plus(Duration.ofHours(71));
        assertThat(schedule.next(first, false, false, thursday)).isEqualTo(first.plus(Duration.ofHours(72)));
        assertThat(schedule.next(first, true, false, thursday)).isEqualTo(first.plus(Duration.ofHours(72)));
        Instant friday = first.plus(Duration.ofHours(96));
        assertThat(schedule.next(first, true, false, friday)).as("Saturday's re-notice waits for Monday")
                .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    }
}
