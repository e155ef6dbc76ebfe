package org.raporto.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.web.SiteProperties;
import org.raporto.stats.Figures.Bucket;
import org.raporto.stats.Figures.Count;
import org.raporto.stats.Figures.Dimension;
import org.raporto.stats.Figures.ReferralCount;
import org.raporto.stats.Figures.Spread;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline's figures, read only from the statistics projection (never from reports themselves). Each period costs
 * five statements, each one range scan of {@code stats_report} by time of receipt (breakdowns in one pass with
 * grouping sets), plus one of {@code stats_referral} and two index counts for the backlog.
 */
@Service
public class Statistics {

    private static final String IN_PERIOD = "received_at >= :from AND received_at < :to AND (:csam OR NOT csam)";

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    Statistics(JdbcClient jdbc, SiteProperties site, Clock clock) {
        this.jdbc = jdbc;
        this.zone = site.timeZone();
        this.clock = clock;
    }

    /**
     * The figures of the period and the one before it.
     *
     * @param withCsam whether to count child sexual abuse material: only for accounts with the clearance
     */
    @Transactional(readOnly = true)
    public Figures figures(Period period, boolean withCsam) {
        Figures.Totals previous = null;
        try {
            previous = totals(period.previous(), withCsam, period.granularity());
        }
        catch (InvalidPeriod beforeTheRecords) {
            // A period starting in 2000 has nothing before it to compare with.
        }
        return new Figures(period, withCsam, totals(period, withCsam, period.granularity()), previous, backlog(withCsam));
    }

    /**
     * The public figures of a calendar year: all reports (child sexual abuse material counted, never detailed), with
     * small cells suppressed.
     */
    @Transactional(readOnly = true)
    public PublicFigures publicYear(int year) {
        Period period = Period.year(year);
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        Map<Dimension, List<Count>> by = breakdowns(from, to, true);
        long total = by.getOrDefault(Dimension.CHANNEL, List.of()).stream().mapToLong(Count::reports).sum();
        List<Count> months = received(period, Period.Granularity.MONTH, from, to, true).stream()
                .map(bucket -> new Count(String.valueOf(bucket.start().getMonthValue()), bucket.reports())).toList();
        List<Count> removal = jdbc.sql("""
                SELECT count(*) FILTER (WHERE removed_at - received_at <= interval '24 hours') AS d1,
                       count(*) FILTER (WHERE removed_at - received_at > interval '24 hours' AND removed_at - received_at <= interval '3 days') AS d3,
                       count(*) FILTER (WHERE removed_at - received_at > interval '3 days' AND removed_at - received_at <= interval '7 days') AS d7,
                       count(*) FILTER (WHERE removed_at - received_at > interval '7 days') AS later
                FROM stats_report WHERE %s""".formatted(IN_PERIOD))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("csam", true)
                .query((rs, n) -> List.of(new Count(PublicFigures.REMOVAL_BANDS.get(0), rs.getLong("d1")),
                        new Count(PublicFigures.REMOVAL_BANDS.get(1), rs.getLong("d3")),
                        new Count(PublicFigures.REMOVAL_BANDS.get(2), rs.getLong("d7")),
                        new Count(PublicFigures.REMOVAL_BANDS.get(3), rs.getLong("later"))))
                .single();
        int current = java.time.LocalDate.now(clock.withZone(zone)).getYear();
        // The years from the first report to this one: two index look-ups, not a scan.
        Integer first = jdbc.sql("SELECT CAST(extract(year FROM min(received_at) AT TIME ZONE :zone) AS integer) FROM stats_report")
                .param("zone", zone.getId())
                .query((rs, n) -> (Integer) rs.getObject(1)).list().get(0);
        List<Integer> years = first == null ? List.of(current)
                : IntStream.rangeClosed(Math.min(first, current), current).map(y -> current + Math.min(first, current) - y).boxed().toList();
        return new PublicFigures(year, year >= current, Suppression.total("TOTAL", total), Suppression.of(months),
                Suppression.of(by.get(Dimension.CATEGORY)), Suppression.of(by.get(Dimension.OUTCOME)), Suppression.of(removal),
                Suppression.of(regions(from, to)), years);
    }

    /** Illegal items hosted in each region, from the countries their hosts were traced to. */
    private List<Count> regions(Instant from, Instant to) {
        String[][] table = HostingRegion.table();
        return jdbc.sql("""
                SELECT coalesce(m.region, 'OTHER') AS region, count(*) AS n
                FROM stats_report s CROSS JOIN LATERAL unnest(s.illegal_countries) AS c (code)
                LEFT JOIN unnest(CAST(:codes AS text[]), CAST(:regions AS text[])) AS m (code, region) ON m.code = c.code
                WHERE %s
                GROUP BY 1 ORDER BY 2 DESC, 1""".formatted(IN_PERIOD))
                .param("codes", table[0])
                .param("regions", table[1])
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("csam", true)
                .query((rs, n) -> new Count(rs.getString("region"), rs.getLong("n")))
                .list();
    }

    Figures.Totals totals(Period period, boolean withCsam, Period.Granularity granularity) {
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        Map<Dimension, List<Count>> by = breakdowns(from, to, withCsam);
        long reports = by.getOrDefault(Dimension.CHANNEL, List.of()).stream().mapToLong(Count::reports).sum();
        Instant now = clock.instant();
        record Row(Spread firstLook, Spread assessment, Spread referral, Spread toRemoval, Figures.Removal removal, Figures.Sla sla) {
        }
        Row row = jdbc.sql("""
                SELECT count(first_look_at) AS fl_n,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_look_at - received_at)) AS fl_median,
                    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_look_at - received_at)) AS fl_p90,
                    count(assessed_at) AS as_n,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM assessed_at - received_at)) AS as_median,
                    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM assessed_at - received_at)) AS as_p90,
                    count(referred_at) AS rf_n,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM referred_at - received_at)) AS rf_median,
                    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM referred_at - received_at)) AS rf_p90,
                    count(removed_at) AS rm_n,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM removed_at - received_at)) AS rm_median,
                    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM removed_at - received_at)) AS rm_p90,
                    count(*) FILTER (WHERE removed_at - received_at <= interval '24 hours') AS rm_24h,
                    count(*) FILTER (WHERE removed_at - received_at <= interval '3 days') AS rm_3d,
                    count(*) FILTER (WHERE removed_at - received_at <= interval '7 days') AS rm_7d,
                    count(*) FILTER (WHERE first_look_at <= first_look_due) AS fl_met,
                    count(*) FILTER (WHERE first_look_at IS NOT NULL OR first_look_due < :now) AS fl_due,
                    count(*) FILTER (WHERE assessed_at <= assessment_due) AS as_met,
                    count(*) FILTER (WHERE assessed_at IS NOT NULL OR assessment_due < :now) AS as_due
                FROM stats_report WHERE %s""".formatted(IN_PERIOD))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("csam", withCsam)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Row(
                        new Spread(rs.getLong("fl_n"), duration(rs.getObject("fl_median")), duration(rs.getObject("fl_p90"))),
                        new Spread(rs.getLong("as_n"), duration(rs.getObject("as_median")), duration(rs.getObject("as_p90"))),
                        new Spread(rs.getLong("rf_n"), duration(rs.getObject("rf_median")), duration(rs.getObject("rf_p90"))),
                        new Spread(rs.getLong("rm_n"), duration(rs.getObject("rm_median")), duration(rs.getObject("rm_p90"))),
                        new Figures.Removal(rs.getLong("rm_n"), rs.getLong("rm_24h"), rs.getLong("rm_3d"), rs.getLong("rm_7d")),
                        new Figures.Sla(rs.getLong("fl_met"), rs.getLong("fl_due"), rs.getLong("as_met"), rs.getLong("as_due"))))
                .single();
        return new Figures.Totals(period, reports, granularity, received(period, granularity, from, to, withCsam), by,
                referrals(from, to, withCsam), new Figures.Times(row.firstLook(), row.assessment(), row.referral(), row.toRemoval()),
                row.removal(), row.sla());
    }

    private Map<Dimension, List<Count>> breakdowns(Instant from, Instant to, boolean withCsam) {
        Map<Dimension, List<Count>> by = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            by.put(dimension, new ArrayList<>());
        }
        jdbc.sql("""
                SELECT CASE WHEN grouping(category_code) = 0 THEN 'CATEGORY' WHEN grouping(channel) = 0 THEN 'CHANNEL'
                            WHEN grouping(reporter_role) = 0 THEN 'REPORTER_ROLE' WHEN grouping(age_band) = 0 THEN 'AGE_BAND'
                            ELSE 'OUTCOME' END AS dimension,
                       coalesce(category_code, channel, reporter_role, age_band, outcome, 'NONE') AS key, count(*) AS n
                FROM stats_report WHERE %1$s
                GROUP BY GROUPING SETS ((category_code), (channel), (reporter_role), (age_band), (outcome))
                UNION ALL
                SELECT 'PLATFORM', p, count(*) FROM stats_report, unnest(platforms) AS p WHERE %1$s GROUP BY p
                UNION ALL
                SELECT 'HOSTING_COUNTRY', c, count(*) FROM stats_report, unnest(illegal_countries) AS c WHERE %1$s GROUP BY c
                UNION ALL
                SELECT 'HOSTING_NETWORK', w, count(*) FROM stats_report, unnest(illegal_networks) AS w WHERE %1$s GROUP BY w
                ORDER BY 1, 3 DESC, 2""".formatted(IN_PERIOD))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("csam", withCsam)
                .query((rs, n) -> {
                    by.get(Dimension.valueOf(rs.getString("dimension"))).add(new Count(rs.getString("key"), rs.getLong("n")));
                    return null;
                })
                .list();
        by.replaceAll((dimension, counts) -> List.copyOf(counts));
        return by;
    }

    /** Every day, week or month of the period, those without reports too. */
    private List<Bucket> received(Period period, Period.Granularity granularity, Instant from, Instant to, boolean withCsam) {
        return jdbc.sql("""
                SELECT b.start::date AS start, coalesce(n.reports, 0) AS reports
                FROM generate_series(date_trunc(:unit, CAST(:first AS timestamp)), CAST(:last AS timestamp), CAST(:step AS interval)) AS b (start)
                LEFT JOIN (SELECT date_trunc(:unit, received_at AT TIME ZONE :zone) AS start, count(*) AS reports
                           FROM stats_report WHERE %s GROUP BY 1) AS n ON n.start = b.start
                ORDER BY b.start""".formatted(IN_PERIOD))
                .param("unit", granularity.sql())
                .param("first", Timestamp.valueOf(period.from().atStartOfDay()))
                .param("last", Timestamp.valueOf(period.to().atStartOfDay()))
                .param("step", "1 " + granularity.sql())
                .param("zone", zone.getId())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("csam", withCsam)
                .query((rs, n) -> new Bucket(rs.getDate("start").toLocalDate(), rs.getLong("reports")))
                .list();
    }

    private List<ReferralCount> referrals(Instant from, Instant to, boolean withCsam) {
        return jdbc.sql("""
                SELECT agency_id, status, count(*) AS n FROM stats_referral
                WHERE created_at >= :from AND created_at < :to AND (:csam OR NOT csam)
                GROUP BY agency_id, status ORDER BY n DESC, agency_id, status""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("csam", withCsam)
                .query((rs, n) -> new ReferralCount(rs.getString("agency_id"), rs.getString("status"), rs.getLong("n")))
                .list();
    }

    private Figures.Backlog backlog(boolean withCsam) {
        long open = jdbc.sql("SELECT count(*) FROM stats_report WHERE case_status IN ('NEW', 'IN_ASSESSMENT', 'ASSESSED') AND (:csam OR NOT csam)")
                .param("csam", withCsam).query(Long.class).single();
        long monitoring = jdbc.sql("SELECT count(*) FROM stats_report WHERE monitoring AND (:csam OR NOT csam)")
                .param("csam", withCsam).query(Long.class).single();
        return new Figures.Backlog(open, monitoring);
    }

    private static @Nullable Duration duration(@Nullable Object seconds) {
        if (seconds == null) {
            return null;
        }
        return Duration.ofMillis(Math.round(((Number) seconds).doubleValue() * 1000));
    }
}
