package org.raporto.casework;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditEntry;
import org.raporto.audit.AuditLog;
import org.raporto.audit.AuditQuery;
import org.raporto.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The holidays Flyway V19 seeds, checked against the rules, and administrators' changes to them, audited. */
@SpringBootTest
class HolidaysTest {

    private static final Actor ADMIN = new Actor(UUID.fromString("3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b"), "Arta Krasniqi");
    private static final String GIVEN_OFF_SQ = " (ditë pushimi e shtyrë)";
    private static final String GIVEN_OFF_EN = " (day off moved from the weekend)";

    @Autowired
    Holidays holidays;

    @Autowired
    AuditLog auditLog;

    @Autowired
    TransactionTemplate transactions;

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void theTableHoldsExactlyTheDaysOffTheLawsRulesGive(int year) {
        assertThat(holidays.in(Year.of(year))).extracting(Holiday::day).containsExactlyElementsOf(AlbanianHolidays.daysOff(year));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void everyDayGivenOffForAWeekendHolidaySaysSoAndNoHolidayDoes(int year) {
        Map<LocalDate, LocalDate> givenOff = AlbanianHolidays.givenOffFor(year);
        for (Holiday holiday : holidays.in(Year.of(year))) {
            boolean given = givenOff.containsKey(holiday.day());
            assertThat(holiday.nameSq().endsWith(GIVEN_OFF_SQ)).as(holiday.toString()).isEqualTo(given);
            assertThat(holiday.nameEn().endsWith(GIVEN_OFF_EN)).as(holiday.toString()).isEqualTo(given);
            if (given) {
                assertThat(holiday.day().getDayOfWeek().getValue()).as("given off on a working day").isLessThanOrEqualTo(5);
            }
        }
    }

    @Test
    void gaussAndMeeusAgreeOnEasterForTwoCenturiesAndWithDatesAlreadyKept() {
        for (int year = 1900; year <= 2099; year++) {
            assertThat(AlbanianHolidays.catholicEaster(year)).as(String.valueOf(year)).isEqualTo(AlbanianHolidays.catholicEasterMeeus(year));
        }
        assertThat(AlbanianHolidays.catholicEaster(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(AlbanianHolidays.orthodoxEaster(2024)).isEqualTo(LocalDate.of(2024, 5, 5));
        assertThat(AlbanianHolidays.catholicEaster(2021)).isEqualTo(LocalDate.of(2021, 4, 4));
        assertThat(AlbanianHolidays.orthodoxEaster(2021)).isEqualTo(LocalDate.of(2021, 5, 2));
        assertThat(AlbanianHolidays.catholicEaster(2017)).isEqualTo(AlbanianHolidays.orthodoxEaster(2017)).isEqualTo(LocalDate.of(2017, 4, 16));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void bothEasterSundaysAreInTheTableUnderTheirNames(int year) {
        assertThat(holidays.on(AlbanianHolidays.catholicEaster(year))).get().extracting(holiday -> holiday.name(Language.SQ))
                .asString().contains("Pashkëve").contains("Katolike");
        assertThat(holidays.on(AlbanianHolidays.orthodoxEaster(year))).get().extracting(holiday -> holiday.name(Language.EN))
                .asString().contains("Orthodox Easter Sunday");
    }

    @Test
    void motherTeresaIsHonouredOnTheFifthOfSeptemberAndTheAlphabetOnTheTwentySecondOfNovember() {
        Set<LocalDate> days = holidays.all().stream().map(Holiday::day).collect(Collectors.toSet());
        for (int year = 2025; year <= 2027; year++) {
            assertThat(days).contains(LocalDate.of(year, Month.SEPTEMBER, 5), LocalDate.of(year, Month.NOVEMBER, 22))
                    .doesNotContain(LocalDate.of(year, Month.OCTOBER, 19));
        }
    }

    @Test
    void theTwoDaysOfNovember2026OnAWeekendGiveMondayAndTuesdayOff() {
        assertThat(holidays.on(LocalDate.of(2026, 11, 30))).get().extracting(Holiday::nameEn)
                .isEqualTo("Flag and Independence Day" + GIVEN_OFF_EN);
        assertThat(holidays.on(LocalDate.of(2026, 12, 1))).get().extracting(Holiday::nameEn)
                .isEqualTo("Liberation Day" + GIVEN_OFF_EN);
    }

    @Test
    @Transactional
    void anAdministratorAddsAndRemovesADayOffAndBothAreAudited() {
        LocalDate day = LocalDate.of(2027, 12, 31);
        holidays.add(new Holiday(day, "  Ditë pushimi për administratën ", "Day off for the administration"), ADMIN);

        assertThat(holidays.on(day)).get().extracting(Holiday::nameSq).isEqualTo("Ditë pushimi për administratën");
        assertThat(holidays.days()).contains(day);
        AuditEntry added = latest(AuditAction.HOLIDAY_ADDED, day);
        assertThat(added.actor()).isEqualTo(ADMIN);
        assertThat(added.details()).containsExactly(Map.entry("nameEn", "Day off for the administration"),
                Map.entry("nameSq", "Ditë pushimi për administratën"));

        assertThat(holidays.remove(day, ADMIN)).isTrue();

        assertThat(holidays.on(day)).isEmpty();
        assertThat(holidays.days()).doesNotContain(day);
        AuditEntry removed = latest(AuditAction.HOLIDAY_REMOVED, day);
        assertThat(removed.seq()).isGreaterThan(added.seq());
        assertThat(removed.details()).containsEntry("nameSq", "Ditë pushimi për administratën");

        assertThat(holidays.remove(day, ADMIN)).as("nothing left to remove").isFalse();
        assertThat(latest(AuditAction.HOLIDAY_REMOVED, day).seq()).as("and nothing recorded").isEqualTo(removed.seq());
    }

    @Test
    @Transactional
    void aDayThatIsAlreadyAHolidayIsNotAddedTwice() {
        LocalDate christmas = LocalDate.of(2026, 12, 25);

        assertThatThrownBy(() -> holidays.add(new Holiday(christmas, "Tjetër", "Other"), ADMIN)).isInstanceOf(IllegalArgumentException.class);

        assertThat(holidays.on(christmas)).get().extracting(Holiday::nameEn).isEqualTo("Christmas Day");
        assertThat(auditLog.find(AuditQuery.newest(10).withAction(AuditAction.HOLIDAY_ADDED).onObject("holiday", christmas.toString()))).isEmpty();
    }

    @Test
    void aHolidayNeedsANameInEachLanguage() {
        LocalDate day = LocalDate.of(2027, 12, 31);
        assertThatThrownBy(() -> new Holiday(day, " ", "Day off")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Holiday(day, "Pushim", "x".repeat(Holiday.MAX_NAME + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Holiday(day, "Push\u0000im", "Day off")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeRolledBackIsForgottenAtOnce() {
        LocalDate day = LocalDate.of(2027, 12, 30);
        transactions.executeWithoutResult(status -> {
            holidays.add(new Holiday(day, "Pushim", "Day off"), ADMIN);
            assertThat(holidays.days()).as("inside the transaction").contains(day);
            status.setRollbackOnly();
        });

        assertThat(holidays.days()).doesNotContain(day);
        assertThat(holidays.on(day)).isEmpty();
    }

    @Test
    void theSameSetOfDaysIsHandedOutUntilSomethingChanges() {
        Set<LocalDate> before = holidays.days();
        assertThat(holidays.days()).isSameAs(before);

        LocalDate day = LocalDate.of(2027, 12, 29);
        transactions.executeWithoutResult(status -> holidays.add(new Holiday(day, "Pushim", "Day off"), ADMIN));
        try {
            assertThat(holidays.days()).isNotSameAs(before).contains(day);
        }
        finally {
            transactions.executeWithoutResult(status -> holidays.remove(day, ADMIN));
        }
        assertThat(holidays.days()).isEqualTo(before);
    }

    private AuditEntry latest(AuditAction action, LocalDate day) {
        List<AuditEntry> entries = auditLog.find(AuditQuery.newest(1).withAction(action).onObject("holiday", day.toString()));
        assertThat(entries).as(action + " " + day).hasSize(1);
        return entries.get(0);
    }
}
