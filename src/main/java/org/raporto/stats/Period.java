package org.raporto.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A run of whole days, both ends included, in the hotline's time zone. At most {@link #LONGEST_DAYS} days long and
 * inside the years 2000–2099, so that no request can make the database count over an absurd range.
 */
public record Period(LocalDate from, LocalDate to) {

    /** A little over ten years. */
    public static final int LONGEST_DAYS = 3700;

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    public Period {
        if (from.isAfter(to)) {
            throw new InvalidPeriod(InvalidPeriod.Reason.ENDS_BEFORE_START);
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new InvalidPeriod(InvalidPeriod.Reason.OUT_OF_RANGE);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > LONGEST_DAYS) {
            throw new InvalidPeriod(InvalidPeriod.Reason.TOO_LONG);
        }
    }

    /**
     * The period two ISO dates ({@code 2026-03-01}) name, as typed into a form.
     *
     * @throws InvalidPeriod when either is missing or no date, or the period is not allowed
     */
    public static Period parse(@Nullable String from, @Nullable String to) {
        if (from == null || to == null || from.isBlank() || to.isBlank() || from.length() > 10 || to.length() > 10) {
            throw new InvalidPeriod(InvalidPeriod.Reason.NOT_A_DATE);
        }
        try {
            return new Period(LocalDate.parse(from.strip()), LocalDate.parse(to.strip()));
        }
        catch (DateTimeParseException e) {
            throw new InvalidPeriod(InvalidPeriod.Reason.NOT_A_DATE);
        }
    }

    /** The calendar year. */
    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The calendar month of the day given. */
    public static Period monthOf(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1);
        return new Period(first, first.plusMonths(1).minusDays(1));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The period of the same number of days that ends the day before this one starts.
     *
     * @throws InvalidPeriod when it would start before the year 2000
     */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** Days for up to two months, weeks up to a year and a bit, months beyond. */
    public Granularity granularity() {
        long days = days();
        return days <= 62 ? Granularity.DAY : days <= 371 ? Granularity.WEEK : Granularity.MONTH;
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public enum Granularity {
        DAY, WEEK, MONTH;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
