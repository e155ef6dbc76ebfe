package org.raporto.stats;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.raporto.stats.Figures.Count;
import org.raporto.stats.Figures.Dimension;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts per day and month that the database keeps as the projection changes (V33) give exactly the figures that
 * counting the projection's rows gives — the statements the dashboard ran before the counts existed serve as the
 * oracle here — and equal counting every row again, after rows of reports and referrals are added, changed, deleted
 * and rebuilt.
 */
@SpringBootTest
@Import(MondayMorning.class)
class StatsCountsTest {

    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    private static final String[] CATEGORIES = {"csam", "grooming", "cyberbullying", "fraud", "hate-speech", "other"};
    private static final String[] PLATFORMS = {"INSTAGRAM", "TIKTOK", "ROBLOX"};
    private static final String[] COUNTRIES = {"AL", "DE", "NL", "US"};
    private static final String[] AGENCIES = {"al-police-cybercrime", "platform-meta", "hotline-nl"};
    private static final String[] STATUSES = {"SENT", "ACKNOWLEDGED", "ACTIONED"};
    private static final String[] OUTCOMES = {"BASELINE_CSAM", "NATIONAL_ILLEGAL", "HARMFUL_NOT_ILLEGAL", "NOT_ACTIONABLE"};

    @Autowired
    Statistics statistics;

    @Autowired
    Counts counts;

    @Autowired
    Projection projection;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private final Random random = new Random(42);
    private final List<UUID> generated = new ArrayList<>();

    /** Rows without a report behind them would be lost by the rebuild other tests run. */
    @AfterEach
    void removeTheGeneratedRows() {
        jdbc.sql("DELETE FROM stats_referral WHERE report_id IN (:ids)").param("ids", generated).update();
        jdbc.sql("DELETE FROM stats_report WHERE report_id IN (:ids)").param("ids", generated).update();
    }

    @Test
    void figuresFromTheCountsEqualCountingTheReportsOfThePeriod() {
        Instant now = clock.instant();
        // 2,000 reports over fourteen months around a change to summer time, and some received in the last days, whose
        // deadlines pass before now, later today, or not yet.
        generate(2000, Instant.parse("2023-01-20T00:00:00Z"), Instant.parse("2024-03-20T00:00:00Z"));
        generate(200, now.minus(Duration.ofDays(3)), now);

        List<Period> periods = List.of(
                new Period(LocalDate.of(2023, 3, 20), LocalDate.of(2023, 3, 26)),
                new Period(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 31)),
                new Period(LocalDate.of(2023, 2, 15), LocalDate.of(2023, 11, 3)),
                Period.year(2023),
                new Period(LocalDate.of(2023, 1, 1), LocalDate.ofInstant(now, TIRANA)),
                new Period(LocalDate.ofInstant(now, TIRANA).minusDays(29), LocalDate.ofInstant(now, TIRANA)));
        for (Period period : periods) {
            for (boolean withCsam : new boolean[] {true, false}) {
                Figures.Totals totals = statistics.totals(period, withCsam, period.granularity());
                Instant from = period.from().atStartOfDay(TIRANA).toInstant();
                Instant to = period.to().plusDays(1).atStartOfDay(TIRANA).toInstant();

                assertThat(totals.reports()).as("%s %s", period, withCsam).isEqualTo(counted(from, to, withCsam));
                for (Dimension dimension : Dimension.values()) {
                    assertThat(totals.by(dimension)).as("%s %s %s", period, withCsam, dimension).isEqualTo(countedBy(dimension, from, to, withCsam));
                }
                assertThat(totals.received().stream().mapToLong(Figures.Bucket::reports).sum()).isEqualTo(totals.reports());
                Direct direct = direct(from, to, withCsam, now);
                assertThat(totals.times()).as("%s %s", period, withCsam).isEqualTo(direct.times());
                assertThat(totals.removal()).as("%s %s", period, withCsam).isEqualTo(direct.removal());
                assertThat(totals.sla()).as("%s %s", period, withCsam).isEqualTo(direct.sla());
                assertThat(totals.referrals()).as("%s %s", period, withCsam).isEqualTo(referrals(from, to, withCsam));
            }
        }
    }

    @Test
    void countsKeptRowByRowEqualCountingEverythingAgain() {
        List<UUID> ids = generate(300, Instant.parse("2022-06-01T00:00:00Z"), Instant.parse("2022-09-01T00:00:00Z"));
        jdbc.sql("UPDATE stats_report SET outcome = 'NATIONAL_ILLEGAL', illegal_countries = '{AL,DE}', removed_at = received_at + interval '5 hours'"
                + " WHERE report_id IN (:ids)").param("ids", ids.subList(0, 50)).update();
        jdbc.sql("UPDATE stats_report SET received_at = received_at + interval '20 days' WHERE report_id IN (:ids)")
                .param("ids", ids.subList(50, 80)).update();
        jdbc.sql("DELETE FROM stats_report WHERE report_id IN (:ids)").param("ids", ids.subList(80, 120)).update();
        jdbc.sql("UPDATE stats_referral SET status = 'ACTIONED', created_at = created_at + interval '40 days' WHERE report_id IN (:ids)")
                .param("ids", ids.subList(0, 60)).update();
        jdbc.sql("DELETE FROM stats_referral WHERE report_id IN (:ids)").param("ids", ids.subList(60, 90)).update();
        List<Map<String, Object>> kept = all();

        counts.countAll();

        assertThat(kept).isNotEmpty().isEqualTo(all());
        projection.rebuild();
        counts.countAll();
        List<Map<String, Object>> rebuilt = all();
        projection.rebuild();
        assertThat(all()).isEqualTo(rebuilt);
    }

    /** The counts that are not zero (a count taken back to zero may stay as a row). */
    private List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>(jdbc.sql(
                "SELECT grain, day, csam, dimension, key, reports FROM stats_count WHERE reports <> 0 ORDER BY 1, 2, 3, 4, 5").query().listOfRows());
        all.addAll(jdbc.sql("SELECT grain, day, csam, agency_id, status, referrals FROM stats_referral_count WHERE referrals <> 0"
                + " ORDER BY 1, 2, 3, 4, 5").query().listOfRows());
        return all;
    }

    private List<Figures.ReferralCount> referrals(Instant from, Instant to, boolean withCsam) {
        return jdbc.sql("""
                SELECT agency_id, status, count(*) AS n FROM stats_referral
                WHERE created_at >= :from AND created_at < :to AND (:csam OR NOT csam)
                GROUP BY agency_id, status ORDER BY n DESC, agency_id, status""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("csam", withCsam)
                .query((rs, n) -> new Figures.ReferralCount(rs.getString("agency_id"), rs.getString("status"), rs.getLong("n"))).list();
    }

    private List<UUID> generate(int reports, Instant from, Instant to) {
        List<UUID> ids = new ArrayList<>();
        long span = Duration.between(from, to).toSeconds();
        for (int i = 0; i < reports; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            generated.add(id);
            Instant received = from.plusSeconds(random.nextLong(span)).plusNanos(random.nextInt(1_000_000) * 1000L);
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            @Nullable String outcome = random.nextInt(4) == 0 ? null : OUTCOMES[random.nextInt(OUTCOMES.length)];
            boolean illegal = "BASELINE_CSAM".equals(outcome) || "NATIONAL_ILLEGAL".equals(outcome);
            Instant firstLook = later(received, 0.7, 3);
            Instant assessed = firstLook == null ? null : later(firstLook, 0.6, 10);
            Instant referred = assessed == null || !illegal ? null : later(assessed, 0.8, 2);
            Instant removed = referred == null ? null : later(referred, 0.7, 40);
            jdbc.sql("""
                    INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, platforms, outcome,
                        csam, case_status, illegal_countries, illegal_networks, first_look_at, assessed_at, referred_at, removed_at,
                        first_look_due, assessment_due, refreshed_at)
                    VALUES (:id, :received, :category, :channel, 'PARENT', 'UNKNOWN', :platforms, :outcome, :csam, :status, :countries,
                        :networks, :firstLook, :assessed, :referred, :removed, :firstLookDue, :assessmentDue, now())""")
                    .param("id", id)
                    .param("received", Timestamp.from(received))
                    .param("category", category)
                    .param("channel", random.nextBoolean() ? "WEB" : "APP")
                    .param("platforms", random.nextBoolean() ? new String[0] : new String[] {PLATFORMS[random.nextInt(PLATFORMS.length)]})
                    .param("outcome", outcome)
                    .param("csam", category.equals("csam") || "BASELINE_CSAM".equals(outcome))
                    .param("status", assessed == null ? "NEW" : "CLOSED")
                    .param("countries", illegal ? new String[] {COUNTRIES[random.nextInt(COUNTRIES.length)]} : new String[0])
                    .param("networks", illegal ? new String[] {"AS" + random.nextInt(5)} : new String[0])
                    .param("firstLook", timestamp(firstLook))
                    .param("assessed", timestamp(assessed))
                    .param("referred", timestamp(referred))
                    .param("removed", timestamp(removed))
                    .param("firstLookDue", Timestamp.from(received.plus(Duration.ofHours(random.nextInt(1, 30)))))
                    .param("assessmentDue", Timestamp.from(received.plus(Duration.ofHours(random.nextInt(24, 60)))))
                    .update();
            if (referred != null) {
                jdbc.sql("""
                        INSERT INTO stats_referral (referral_id, report_id, agency_id, agency_kind, status, csam, created_at, sent_at, refreshed_at)
                        VALUES (?, ?, ?, 'POLICE', ?, ?, ?, ?, now())""")
                        .params(UUID.randomUUID(), id, AGENCIES[random.nextInt(AGENCIES.length)], STATUSES[random.nextInt(STATUSES.length)],
                                category.equals("csam"), Timestamp.from(assessed), Timestamp.from(referred))
                        .update();
            }
        }
        return ids;
    }

    /**
     * A time after {@code at}, or null with probability 1 − p: log-normal around {@code hours}, to the microsecond, and
     * now and then exactly a whole number of hours, so that some reports share a time.
     */
    private @Nullable Instant later(Instant at, double p, double hours) {
        if (random.nextDouble() >= p) {
            return null;
        }
        double drawn = hours * Math.exp(random.nextGaussian());
        if (random.nextInt(5) == 0) {
            return at.plus(Duration.ofHours(Math.round(drawn)));
        }
        return at.plus(Duration.ofNanos(Math.round(drawn * 3_600_000_000L) * 1000));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private long counted(Instant from, Instant to, boolean withCsam) {
        return jdbc.sql("SELECT count(*) FROM stats_report WHERE received_at >= :from AND received_at < :to AND (:csam OR NOT csam)")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("csam", withCsam).query(Long.class).single();
    }

    private List<Count> countedBy(Dimension dimension, Instant from, Instant to, boolean withCsam) {
        String value = switch (dimension) {
            case CATEGORY -> "category_code";
            case CHANNEL -> "channel";
            case REPORTER_ROLE -> "reporter_role";
            case AGE_BAND -> "age_band";
            case OUTCOME -> "coalesce(outcome, 'NONE')";
            case PLATFORM -> "unnest(platforms)";
            case HOSTING_COUNTRY -> "unnest(illegal_countries)";
            case HOSTING_NETWORK -> "unnest(illegal_networks)";
        };
        return jdbc.sql("""
                SELECT key, count(*) AS n FROM (SELECT %s AS key FROM stats_report
                    WHERE received_at >= :from AND received_at < :to AND (:csam OR NOT csam)) s
                GROUP BY key ORDER BY n DESC, key""".formatted(value))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("csam", withCsam)
                .query((rs, n) -> new Count(rs.getString("key"), rs.getLong("n"))).list();
    }

    private record Direct(Figures.Times times, Figures.Removal removal, Figures.Sla sla) {
    }

    /** The statement Statistics ran over the period's reports before the counts. */
    private Direct direct(Instant from, Instant to, boolean withCsam, Instant now) {
        return jdbc.sql("""
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
                FROM stats_report WHERE received_at >= :from AND received_at < :to AND (:csam OR NOT csam)""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("csam", withCsam)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Direct(
                        new Figures.Times(
                                new Figures.Spread(rs.getLong("fl_n"), duration(rs.getObject("fl_median")), duration(rs.getObject("fl_p90"))),
                                new Figures.Spread(rs.getLong("as_n"), duration(rs.getObject("as_median")), duration(rs.getObject("as_p90"))),
                                new Figures.Spread(rs.getLong("rf_n"), duration(rs.getObject("rf_median")), duration(rs.getObject("rf_p90"))),
                                new Figures.Spread(rs.getLong("rm_n"), duration(rs.getObject("rm_median")), duration(rs.getObject("rm_p90")))),
                        new Figures.Removal(rs.getLong("rm_n"), rs.getLong("rm_24h"), rs.getLong("rm_3d"), rs.getLong("rm_7d")),
                        new Figures.Sla(rs.getLong("fl_met"), rs.getLong("fl_due"), rs.getLong("as_met"), rs.getLong("as_due"))))
                .single();
    }

    private static @Nullable Duration duration(@Nullable Object seconds) {
        return seconds == null ? null : Duration.ofMillis(Math.round(((Number) seconds).doubleValue() * 1000));
    }
}
