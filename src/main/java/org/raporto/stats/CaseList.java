package org.raporto.stats;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.web.SiteProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of a period one row each, for analysis outside Raporto. A row holds only what the statistics
 * projection holds — codes, flags and durations — and of the time of receipt only the day: no reference, no text,
 * no address, no contact, no account, nothing that leads back to a case or a person.
 */
@Service
public class CaseList {

    /** Rows travel from the database a thousand at a time, so a list of a million reports needs no more memory than one. */
    private static final int FETCH = 1000;

    /**
     * Which reports of the period to list; a null field lists all. {@code outcome} may be {@link Figures.Count#NONE}
     * for reports not assessed yet.
     */
    public record Filter(@Nullable String category, @Nullable String channel, @Nullable String outcome, @Nullable String status) {

        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /**
     * One report.
     *
     * @param firstLookOnTime null while the deadline is neither met nor passed
     */
    public record Row(LocalDate received, String category, String channel, String reporterRole, String ageBand,
            List<String> platforms, @Nullable String outcome, boolean csam, String status, List<String> hostingCountries,
            List<String> hostingNetworks, @Nullable Duration toFirstLook, @Nullable Duration toAssessment,
            @Nullable Duration toReferral, @Nullable Duration toRemoval, @Nullable Boolean firstLookOnTime,
            @Nullable Boolean assessmentOnTime, boolean monitoring) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    CaseList(DataSource dataSource, SiteProperties site, Clock clock) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH);
        this.jdbc = JdbcClient.create(streaming);
        this.zone = site.timeZone();
        this.clock = clock;
    }

    /**
     * Hands each report of the period that the filter lets through to {@code each}, oldest first. Read in one
     * transaction (PostgreSQL only fetches by parts inside one), so the list is one consistent picture.
     *
     * @param withCsam whether to list reports of child sexual abuse material: only for accounts with the clearance
     * @return how many rows were handed over
     */
    @Transactional(readOnly = true)
    public long forEach(Period period, Filter filter, boolean withCsam, Consumer<Row> each) {
        long[] rows = {0};
        jdbc.sql("""
                SELECT received_at, category_code, channel, reporter_role, age_band, platforms, outcome, csam, case_status,
                    illegal_countries, illegal_networks, first_look_at, assessed_at, referred_at, removed_at,
                    first_look_due, assessment_due, monitoring
                FROM stats_report
                WHERE received_at >= :from AND received_at < :to AND (:csam OR NOT csam)
                  AND (CAST(:category AS text) IS NULL OR category_code = :category)
                  AND (CAST(:channel AS text) IS NULL OR channel = :channel)
                  AND (CAST(:outcome AS text) IS NULL OR coalesce(outcome, 'NONE') = :outcome)
                  AND (CAST(:status AS text) IS NULL OR case_status = :status)
                ORDER BY received_at, report_id""")
                .param("from", Timestamp.from(period.start(zone)))
                .param("to", Timestamp.from(period.end(zone)))
                .param("csam", withCsam)
                .param("category", filter.category())
                .param("channel", filter.channel())
                .param("outcome", filter.outcome())
                .param("status", filter.status())
                .query(rs -> {
                    each.accept(row(rs, clock.instant()));
                    rows[0]++;
                });
        return rows[0];
    }

    private Row row(ResultSet rs, Instant now) throws SQLException {
        Instant received = rs.getTimestamp("received_at").toInstant();
        Instant firstLook = instant(rs, "first_look_at");
        Instant assessed = instant(rs, "assessed_at");
        return new Row(LocalDate.ofInstant(received, zone), rs.getString("category_code"), rs.getString("channel"),
                rs.getString("reporter_role"), rs.getString("age_band"), distinct(rs.getArray("platforms")), rs.getString("outcome"),
                rs.getBoolean("csam"), rs.getString("case_status"), distinct(rs.getArray("illegal_countries")),
                distinct(rs.getArray("illegal_networks")), since(received, firstLook), since(received, assessed),
                since(received, instant(rs, "referred_at")), since(received, instant(rs, "removed_at")),
                onTime(firstLook, instant(rs, "first_look_due"), now), onTime(assessed, instant(rs, "assessment_due"), now),
                rs.getBoolean("monitoring"));
    }

    /** As the dashboard's SLA counts it: met when done by the deadline, missed once the deadline has passed. */
    private static @Nullable Boolean onTime(@Nullable Instant done, @Nullable Instant due, Instant now) {
        if (due == null) {
            return null;
        }
        if (done != null) {
            return !done.isAfter(due);
        }
        return due.isBefore(now) ? false : null;
    }

    private static @Nullable Duration since(Instant received, @Nullable Instant step) {
        return step == null ? null : Duration.between(received, step);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The projection repeats a country or network for each illegal item there; the list names each once. */
    private static List<String> distinct(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).distinct().toList();
    }
}
