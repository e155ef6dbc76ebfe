package org.raporto.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The days nobody works (table {@code casework_holiday}), which administrators keep: Albania's official holidays are
 * there from the start (Flyway V19, 2025–2027), with the working days given off for those on a weekend.
 * <p>
 * Read from the database at most every 30 seconds; a change is seen at once on the node that made it and within half
 * a minute on the others.
 */
@Repository
public class Holidays {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Refreshed<Known> known;

    Holidays(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.known = new Refreshed<>(this::read, clock);
    }

    /** Every holiday, oldest first. */
    public List<Holiday> all() {
        return known.get().holidays();
    }

    /** The holidays of one year, in order. */
    public List<Holiday> in(Year year) {
        return all().stream().filter(holiday -> holiday.day().getYear() == year.getValue()).toList();
    }

    public Optional<Holiday> on(LocalDate day) {
        return all().stream().filter(holiday -> holiday.day().equals(day)).findFirst();
    }

    /** The dates alone, for the working calendar; the same instance until something changes. */
    Set<LocalDate> days() {
        return known.get().days();
    }

    /**
     * Adds a holiday and audits it ({@link AuditAction#HOLIDAY_ADDED}, the object is the date). A weekend holiday
     * gives a working day off only if that day is added too: the law's rule is applied by whoever enters the year.
     *
     * @throws IllegalArgumentException when that day is already a holiday; nothing is changed then
     */
    @Transactional
    public void add(Holiday holiday, Actor by) {
        int added = jdbc.sql("INSERT INTO casework_holiday (day, name_sq, name_en) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING")
                .params(holiday.day(), holiday.nameSq(), holiday.nameEn())
                .update();
        if (added == 0) {
            throw new IllegalArgumentException(holiday.day() + " is already a holiday");
        }
        known.forget();
        audit.record(by, AuditAction.HOLIDAY_ADDED, "holiday", holiday.day().toString(),
                Map.of("nameSq", holiday.nameSq(), "nameEn", holiday.nameEn()));
    }

    /**
     * Removes the holiday on this day, if there is one, and audits it ({@link AuditAction#HOLIDAY_REMOVED}, with the
     * names it had).
     *
     * @return whether there was one
     */
    @Transactional
    public boolean remove(LocalDate day, Actor by) {
        Optional<Holiday> removed = jdbc.sql("DELETE FROM casework_holiday WHERE day = ? RETURNING day, name_sq, name_en")
                .param(day)
                .query(Holidays::holiday)
                .optional();
        if (removed.isEmpty()) {
            return false;
        }
        known.forget();
        audit.record(by, AuditAction.HOLIDAY_REMOVED, "holiday", day.toString(),
                Map.of("nameSq", removed.get().nameSq(), "nameEn", removed.get().nameEn()));
        return true;
    }

    private Known read() {
        List<Holiday> holidays = jdbc.sql("SELECT day, name_sq, name_en FROM casework_holiday ORDER BY day")
                .query(Holidays::holiday)
                .list();
        return new Known(List.copyOf(holidays), holidays.stream().map(Holiday::day).collect(Collectors.toUnmodifiableSet()));
    }

    private static Holiday holiday(ResultSet row, int number) throws SQLException {
        return new Holiday(row.getObject("day", LocalDate.class), row.getString("name_sq"), row.getString("name_en"));
    }

    private record Known(List<Holiday> holidays, Set<LocalDate> days) {
    }
}
