package org.raporto.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Albania's days off computed from the rules, apart from the table Flyway V19 seeds, so that a test can compare the two:
 * the fixed holidays of the law, both Easters computed, the Eids as announced (they cannot be computed), and the
 * weekend rule (a holiday on a Saturday or Sunday gives the next working day off that is not already a holiday or
 * given off for another).
 */
final class AlbanianHolidays {

    /** Eid al-Fitr and Eid al-Adha as the Muslim Community of Albania keeps them (Diyanet's calendar). */
    private static final Map<Integer, LocalDate[]> EIDS = Map.of(
            2025, new LocalDate[] {LocalDate.of(2025, 3, 30), LocalDate.of(2025, 6, 6)},
            2026, new LocalDate[] {LocalDate.of(2026, 3, 20), LocalDate.of(2026, 5, 27)},
            2027, new LocalDate[] {LocalDate.of(2027, 3, 9), LocalDate.of(2027, 5, 16)});

    private AlbanianHolidays() {
    }

    /** The holidays of the law in this year (2025 to 2027), without the days given off for weekends. */
    static Set<LocalDate> legal(int year) {
        Set<LocalDate> days = new TreeSet<>();
        int[][] fixed = {{1, 1}, {1, 2}, {3, 14}, {3, 22}, {5, 1}, {9, 5}, {11, 22}, {11, 28}, {11, 29}, {12, 8}, {12, 25}};
        for (int[] day : fixed) {
            days.add(LocalDate.of(year, day[0], day[1]));
        }
        days.add(catholicEaster(year));
        days.add(orthodoxEaster(year));
        LocalDate[] eids = EIDS.get(year);
        if (eids == null) {
            throw new IllegalArgumentException("No Eid dates known for " + year);
        }
        days.add(eids[0]);
        days.add(eids[1]);
        return days;
    }

    /** Every day of this year nobody works on besides weekends: the holidays and the days given off for them. */
    static Set<LocalDate> daysOff(int year) {
        Set<LocalDate> off = new TreeSet<>(legal(year));
        off.addAll(givenOffFor(year).keySet());
        return off;
    }

    /** The working days given off for holidays on a weekend, each with the holiday it stands for. */
    static Map<LocalDate, LocalDate> givenOffFor(int year) {
        Set<LocalDate> legal = legal(year);
        Set<LocalDate> taken = new TreeSet<>(legal);
        Map<LocalDate, LocalDate> given = new TreeMap<>();
        for (LocalDate holiday : legal) {
            if (weekend(holiday)) {
                LocalDate next = holiday.plusDays(1);
                while (weekend(next) || taken.contains(next)) {
                    next = next.plusDays(1);
                }
                taken.add(next);
                given.put(next, holiday);
            }
        }
        return given;
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Easter Sunday in the Gregorian calendar by Gauss's algorithm, with his two exceptions. */
    static LocalDate catholicEaster(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        if (d == 29 && e == 6) {
            return LocalDate.of(year, Month.APRIL, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, Month.APRIL, 18);
        }
        return LocalDate.of(year, Month.MARCH, 22).plusDays(d + e);
    }

    /** Easter Sunday in the Gregorian calendar by the anonymous algorithm Meeus gives (Meeus/Jones/Butcher). */
    static LocalDate catholicEasterMeeus(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * Orthodox Easter Sunday: Meeus's algorithm for the Julian calendar, moved to the Gregorian one by the 13 days
     * between them from 1900 to 2099.
     */
    static LocalDate orthodoxEaster(int year) {
        if (year < 1900 || year > 2099) {
            throw new IllegalArgumentException("The calendars are 13 days apart only from 1900 to 2099");
        }
        int a = year % 4;
        int b = year % 7;
        int c = year % 19;
        int d = (19 * c + 15) % 30;
        int e = (2 * a + 4 * b - d + 34) % 7;
        int month = (d + e + 114) / 31;
        int day = (d + e + 114) % 31 + 1;
        return LocalDate.of(year, month, day).plusDays(13);
    }
}
