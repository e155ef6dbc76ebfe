package org.raporto.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
 * The hotline's figures, read only from the statistics projection (never from reports themselves). Counts,
 * breakdowns, shares and deadlines of a period are sums of the projection's counts per day and month
 * ({@code stats_count}, kept by the database as the projection changes): a year is twelve months' counts, not a third
 * of a million reports. Medians and 90th percentiles are exact: the counts of each time's buckets say which bucket
 * holds the value of each rank, and that value is read from the few reports of that bucket in the period. Referrals
 * are summed from their own counts ({@code stats_referral_count}). A period costs five statements; the backlog two
 * index counts.
 */
@Service
public class Statistics {

    private static final String IN_PERIOD = "received_at >= :from AND received_at < :to AND (:csam OR NOT csam)";

    /** The counts of whole months inside the period, and of its days outside them. */
    private static final String IN_COUNTED_PERIOD = """
            ((grain = 'M' AND day >= :fullFrom AND day < :fullTo)
              OR (grain = 'D' AND day >= :firstDay AND day <= :lastDay AND (day < :fullFrom OR day >= :fullTo)))
            AND (:csam OR NOT csam)""";

    private static final String TOTAL = "TOTAL";
    private static final String REMOVED_WITHIN = "REMOVED_WITHIN";

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
        planForTheValues();
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
        planForTheValues();
        Period period = Period.year(year);
        Counted counted = counted(period, true);
        List<Count> months = received(period, Period.Granularity.MONTH, true).stream()
                .map(bucket -> new Count(String.valueOf(bucket.start().getMonthValue()), bucket.reports())).toList();
        long removed = counted.sum(Step.REMOVAL.fact);
        long within24Hours = counted.of(REMOVED_WITHIN, "24h");
        long within3Days = counted.of(REMOVED_WITHIN, "3d");
        long within7Days = counted.of(REMOVED_WITHIN, "7d");
        List<Count> removal = List.of(new Count(PublicFigures.REMOVAL_BANDS.get(0), within24Hours),
                new Count(PublicFigures.REMOVAL_BANDS.get(1), within3Days - within24Hours),
                new Count(PublicFigures.REMOVAL_BANDS.get(2), within7Days - within3Days),
                new Count(PublicFigures.REMOVAL_BANDS.get(3), removed - within7Days));
        int current = LocalDate.now(clock.withZone(zone)).getYear();
        // The years from the first report to this one: two index look-ups, not a scan.
        Integer first = jdbc.sql("SELECT CAST(extract(year FROM min(received_at) AT TIME ZONE :zone) AS integer) FROM stats_report")
                .param("zone", zone.getId())
                .query((rs, n) -> (Integer) rs.getObject(1)).list().get(0);
        List<Integer> years = first == null ? List.of(current)
                : IntStream.rangeClosed(Math.min(first, current), current).map(y -> current + Math.min(first, current) - y).boxed().toList();
        return new PublicFigures(year, year >= current, Suppression.total("TOTAL", counted.of(TOTAL, "")), Suppression.of(months),
                Suppression.of(counted.by(Dimension.CATEGORY)), Suppression.of(counted.by(Dimension.OUTCOME)), Suppression.of(removal),
                Suppression.of(regions(counted.by(Dimension.HOSTING_COUNTRY))), years);
    }

    /** Illegal items by hosting region: each item has one country, so a region's count is the sum of its countries'. */
    private static List<Count> regions(List<Count> countries) {
        Map<HostingRegion, Long> byRegion = new EnumMap<>(HostingRegion.class);
        countries.forEach(country -> byRegion.merge(HostingRegion.of(country.key()), country.reports(), Long::sum));
        return byRegion.entrySet().stream()
                .sorted(Map.Entry.<HostingRegion, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(region -> new Count(region.getKey().name(), region.getValue()))
                .toList();
    }

    /**
     * After a few executions the driver prepares a statement on the server, which may then plan it once for any
     * values, unable to see which days a period covers or which bucket holds a percentile (bench/stats.sh: the public
     * page of a year took 190 ms at p50 where its statements, planned for their values, run in about 30 ms). Planning
     * each statement for its values costs 0.2–2.5 ms. For this transaction only.
     */
    private void planForTheValues() {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    }

    Figures.Totals totals(Period period, boolean withCsam, Period.Granularity granularity) {
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        Counted counted = counted(period, withCsam);
        Map<Dimension, List<Count>> by = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            by.put(dimension, counted.by(dimension));
        }
        Map<Step, Spread> spreads = spreads(counted, from, to, withCsam);
        return new Figures.Totals(period, counted.of(TOTAL, ""), granularity, received(period, granularity, withCsam), by,
                referrals(period, withCsam),
                new Figures.Times(spreads.get(Step.FIRST_LOOK), spreads.get(Step.ASSESSMENT), spreads.get(Step.REFERRAL),
                        spreads.get(Step.REMOVAL)),
                new Figures.Removal(counted.sum(Step.REMOVAL.fact), counted.of(REMOVED_WITHIN, "24h"), counted.of(REMOVED_WITHIN, "3d"),
                        counted.of(REMOVED_WITHIN, "7d")),
                sla(counted, from, to, withCsam));
    }

    /** The steps whose times from receipt are measured: their buckets in the counts, their column in the projection. */
    private enum Step {
        FIRST_LOOK("FIRST_LOOK_TIME", "first_look_at"), ASSESSMENT("ASSESSMENT_TIME", "assessed_at"),
        REFERRAL("REFERRAL_TIME", "referred_at"), REMOVAL("REMOVAL_TIME", "removed_at");

        final String fact;
        final String column;

        Step(String fact, String column) {
            this.fact = fact;
            this.column = column;
        }
    }

    /** The period's counts by fact, each fact's keys most reports first (then by key); no key without reports. */
    private record Counted(Map<String, List<Count>> byFact) {

        List<Count> by(Dimension dimension) {
            return of(dimension.name());
        }

        List<Count> of(String fact) {
            return byFact.getOrDefault(fact, List.of());
        }

        long of(String fact, String key) {
            return of(fact).stream().filter(count -> count.key().equals(key)).mapToLong(Count::reports).sum();
        }

        long sum(String fact) {
            return of(fact).stream().mapToLong(Count::reports).sum();
        }
    }

    private Counted counted(Period period, boolean withCsam) {
        Map<String, List<Count>> by = new LinkedHashMap<>();
        counts("""
                SELECT dimension, key, sum(reports) AS n FROM stats_count WHERE %s
                GROUP BY dimension, key HAVING sum(reports) <> 0
                ORDER BY dimension, n DESC, key""".formatted(IN_COUNTED_PERIOD), period, withCsam)
                .query((rs, n) -> by.computeIfAbsent(rs.getString("dimension"), fact -> new ArrayList<>())
                        .add(new Count(rs.getString("key"), rs.getLong("n"))))
                .list();
        by.replaceAll((fact, counts) -> List.copyOf(counts));
        return new Counted(by);
    }

    /** A statement over {@link #IN_COUNTED_PERIOD}: whole months from the months' counts, the other days from the days'. */
    private JdbcClient.StatementSpec counts(String sql, Period period, boolean withCsam) {
        LocalDate fullFrom = period.from().getDayOfMonth() == 1 ? period.from() : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate fullTo = period.to().plusDays(1).withDayOfMonth(1);
        if (!fullFrom.isBefore(fullTo)) {
            fullFrom = period.from();
            fullTo = period.from();
        }
        return jdbc.sql(sql)
                .param("fullFrom", fullFrom)
                .param("fullTo", fullTo)
                .param("firstDay", period.from())
                .param("lastDay", period.to())
                .param("csam", withCsam);
    }

    /**
     * Median and 90th percentile of each step's times, exactly as {@code percentile_cont} over the period's reports
     * gives them. The counts of the step's buckets say in which bucket, and where in it, each rank needed lies; one
     * statement then reads those ranks alone, each bucket's from the reports of that bucket in the period.
     */
    private Map<Step, Spread> spreads(Counted counted, Instant from, Instant to, boolean withCsam) {
        record Read(Step step, int bucket) {
        }
        Map<Step, Histogram> histograms = new EnumMap<>(Step.class);
        Map<Read, long[]> reads = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            Histogram histogram = Histogram.of(counted.of(step.fact));
            histograms.put(step, histogram);
            for (double percentile : Histogram.PERCENTILES) {
                for (long rank : Histogram.neighbours(percentile, histogram.size())) {
                    Histogram.Place place = histogram.place(rank);
                    reads.merge(new Read(step, place.bucket()), new long[] {place.offset(), place.offset()},
                            (one, other) -> new long[] {Math.min(one[0], other[0]), Math.max(one[1], other[1])});
                }
            }
        }
        Map<Read, Map<Long, Double>> values = new HashMap<>();
        if (!reads.isEmpty()) {
            List<Read> order = List.copyOf(reads.keySet());
            List<String> subqueries = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                subqueries.add("""
                        (SELECT %1$d AS read, :skip%1$d + row_number() OVER (ORDER BY v) - 1 AS at, v FROM (
                            SELECT stats_seconds(%2$s, received_at) AS v FROM stats_report
                            WHERE %2$s IS NOT NULL AND stats_duration_bucket(%2$s, received_at) = :bucket%1$d AND %3$s
                            ORDER BY v OFFSET :skip%1$d LIMIT :take%1$d) AS ranked)""".formatted(i, order.get(i).step().column, IN_PERIOD));
            }
            JdbcClient.StatementSpec statement = jdbc.sql(String.join("\nUNION ALL\n", subqueries))
                    .param("from", Timestamp.from(from))
                    .param("to", Timestamp.from(to))
                    .param("csam", withCsam);
            for (int i = 0; i < order.size(); i++) {
                long[] offsets = reads.get(order.get(i));
                statement = statement.param("bucket" + i, order.get(i).bucket())
                        .param("skip" + i, offsets[0])
                        .param("take" + i, offsets[1] - offsets[0] + 1);
            }
            statement.query((rs, n) -> values.computeIfAbsent(order.get(rs.getInt("read")), read -> new HashMap<>())
                    .put(rs.getLong("at"), rs.getDouble("v"))).list();
        }
        Map<Step, Spread> spreads = new EnumMap<>(Step.class);
        histograms.forEach((step, histogram) -> {
            Duration[] at = new Duration[Histogram.PERCENTILES.length];
            for (int p = 0; histogram.size() > 0 && p < at.length; p++) {
                double[] neighbours = new double[2];
                long[] ranks = Histogram.neighbours(Histogram.PERCENTILES[p], histogram.size());
                for (int k = 0; k < 2; k++) {
                    Histogram.Place place = histogram.place(ranks[k]);
                    neighbours[k] = values.get(new Read(step, place.bucket())).get(place.offset());
                }
                at[p] = duration(Histogram.interpolate(Histogram.PERCENTILES[p], histogram.size(), neighbours[0], neighbours[1]));
            }
            spreads.put(step, new Spread(histogram.size(), at[0], at[1]));
        });
        return spreads;
    }

    /**
     * Deadlines met and due. Whether a deadline not yet met has passed depends on when one asks: the counts know
     * it for the deadlines of the days before today; those of today are counted from the reports still waiting.
     */
    private Figures.Sla sla(Counted counted, Instant from, Instant to, boolean withCsam) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        record Today(long firstLook, long assessment) {
        }
        Today passedToday = jdbc.sql("""
                SELECT (SELECT count(*) FROM stats_report WHERE first_look_at IS NULL AND first_look_due >= :today
                            AND first_look_due < :now AND %1$s) AS first_look,
                       (SELECT count(*) FROM stats_report WHERE assessed_at IS NULL AND assessment_due >= :today
                            AND assessment_due < :now AND %1$s) AS assessment""".formatted(IN_PERIOD))
                .param("today", Timestamp.from(today.atStartOfDay(zone).toInstant()))
                .param("now", Timestamp.from(now))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("csam", withCsam)
                .query((rs, n) -> new Today(rs.getLong("first_look"), rs.getLong("assessment")))
                .single();
        return new Figures.Sla(counted.of("MET", "FIRST_LOOK"),
                counted.sum(Step.FIRST_LOOK.fact) + passedBefore(counted.of("FIRST_LOOK_PENDING"), today) + passedToday.firstLook(),
                counted.of("MET", "ASSESSMENT"),
                counted.sum(Step.ASSESSMENT.fact) + passedBefore(counted.of("ASSESSMENT_PENDING"), today) + passedToday.assessment());
    }

    /** Of reports waiting, counted by the day their deadline passes, those whose day is before {@code today}. */
    private static long passedBefore(List<Count> byDay, LocalDate today) {
        return byDay.stream().filter(count -> LocalDate.parse(count.key()).isBefore(today)).mapToLong(Count::reports).sum();
    }

    /** Every day, week or month of the period, those without reports too, from the days' counts. */
    private List<Bucket> received(Period period, Period.Granularity granularity, boolean withCsam) {
        return jdbc.sql("""
                SELECT CAST(b.start AS date) AS start, coalesce(n.reports, 0) AS reports
                FROM generate_series(date_trunc(:unit, CAST(:first AS timestamp)), CAST(:last AS timestamp), CAST(:step AS interval)) AS b (start)
                LEFT JOIN (SELECT date_trunc(:unit, CAST(day AS timestamp)) AS start, sum(reports) AS reports
                           FROM stats_count WHERE grain = 'D' AND dimension = 'TOTAL' AND day >= :firstDay AND day <= :lastDay
                               AND (:csam OR NOT csam)
                           GROUP BY 1) AS n ON n.start = b.start
                ORDER BY b.start""")
                .param("unit", granularity.sql())
                .param("first", Timestamp.valueOf(period.from().atStartOfDay()))
                .param("last", Timestamp.valueOf(period.to().atStartOfDay()))
                .param("step", "1 " + granularity.sql())
                .param("firstDay", period.from())
                .param("lastDay", period.to())
                .param("csam", withCsam)
                .query((rs, n) -> new Bucket(rs.getDate("start").toLocalDate(), rs.getLong("reports")))
                .list();
    }

    private List<ReferralCount> referrals(Period period, boolean withCsam) {
        return counts("""
                SELECT agency_id, status, sum(referrals) AS n FROM stats_referral_count WHERE %s
                GROUP BY agency_id, status HAVING sum(referrals) <> 0
                ORDER BY n DESC, agency_id, status""".formatted(IN_COUNTED_PERIOD), period, withCsam)
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

    private static Duration duration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
