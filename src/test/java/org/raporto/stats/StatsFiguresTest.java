package org.raporto.stats;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.stats.Figures.Count;
import org.raporto.stats.Figures.Dimension;
import org.raporto.testing.MondayMorning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures of a small known week in January 2025 (Tirana is UTC+1 then), against values worked out by hand in the
 * comments. Percentiles interpolate between neighbours: the 90th of n sorted values sits at position 0.9·(n−1).
 */
@SpringBootTest
@Import(MondayMorning.class)
class StatsFiguresTest {

    private static final Period WEEK = new Period(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 12));

    @Autowired
    Statistics statistics;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void theKnownWeek() {
        jdbc.sql("DELETE FROM stats_report WHERE received_at >= '2024-12-01' AND received_at < '2025-02-01'").update();
        jdbc.sql("DELETE FROM stats_referral WHERE created_at >= '2024-12-01' AND created_at < '2025-02-01'").update();
        // r1: first look 1 h, assessed 2 h, referred 3 h, removed 10 h.
        UUID r1 = report("2025-01-06T09:00:00Z", "cyberbullying", "WEB", "PARENT", "FROM_13_TO_15", new String[] {"INSTAGRAM"},
                "HARMFUL_NOT_ILLEGAL", false, new String[0], 1, 2, 3, 10.0);
        // r2: 2 h, 5 h, 6 h, removed after 30 h; hosted in AL.
        UUID r2 = report("2025-01-06T10:00:00Z", "hate-speech", "APP", "CHILD", "UNDER_13", new String[] {"INSTAGRAM", "TIKTOK"},
                "NATIONAL_ILLEGAL", false, new String[] {"AL"}, 2, 5, 6, 30.0);
        // r3: looked at after 3 h, never assessed (its deadline has long passed).
        report("2025-01-07T09:00:00Z", "fraud", "WEB", "PARENT", "ADULT", new String[0], null, false, new String[0], 3, null, null, null);
        // r4: 4 h (exactly on the deadline), assessed after 30 h (late), referred 31 h, removed after 100 h; hosted in DE.
        UUID r4 = report("2025-01-08T09:00:00Z", "hate-speech", "WEB", "TEACHER", "UNKNOWN", new String[0], "NATIONAL_ILLEGAL", false,
                new String[] {"DE"}, 4, 30, 31, 100.0);
        // r5: 23:30 on Sunday 12 January in Tirana: inside the week. First look late (10 h), assessed 12 h.
        report("2025-01-12T22:30:00Z", "other", "STAFF", "OTHER", "UNKNOWN", new String[0], "NOT_ACTIONABLE", false, new String[0], 10, 12,
                null, null);
        // 00:30 on Monday 13 January in Tirana: the next week.
        report("2025-01-12T23:30:00Z", "other", "WEB", "OTHER", "UNKNOWN", new String[0], null, false, new String[0], null, null, null, null);
        // The week before: one report.
        report("2025-01-05T12:00:00Z", "other", "WEB", "OTHER", "UNKNOWN", new String[0], null, false, new String[0], null, null, null, null);
        // c1: child sexual abuse material, hosted in NL: 0.5 h, 1 h, 1.5 h, removed after 20 h.
        UUID c1 = report("2025-01-09T09:00:00Z", "csam", "WEB", "OTHER", "UNKNOWN", new String[0], "BASELINE_CSAM", true, new String[] {"NL"},
                0.5, 1, 1.5, 20.0);
        referral(r1, "platform-meta", "SENT", false, "2025-01-06T12:00:00Z");
        referral(r2, "al-police-cybercrime", "ACKNOWLEDGED", false, "2025-01-06T16:00:00Z");
        referral(r4, "al-police-cybercrime", "SENT", false, "2025-01-09T16:00:00Z");
        referral(c1, "hotline-nl", "ACTIONED", true, "2025-01-09T10:30:00Z");
    }

    @Test
    void countsReportsOfThePeriodInTheHotlinesTimeZoneWithoutAbuseMaterialForAccountsWithoutClearance() {
        Figures figures = statistics.figures(WEEK, false);

        assertThat(figures.current().reports()).isEqualTo(5);
        assertThat(figures.previous()).isNotNull();
        assertThat(figures.previous().period()).isEqualTo(new Period(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 5)));
        assertThat(figures.previous().reports()).isEqualTo(1);
        assertThat(figures.current().granularity()).isEqualTo(Period.Granularity.DAY);
        assertThat(figures.current().received()).extracting(Figures.Bucket::reports).containsExactly(2L, 1L, 1L, 0L, 0L, 0L, 1L);
        assertThat(figures.current().by(Dimension.CATEGORY))
                .containsExactly(new Count("hate-speech", 2), new Count("cyberbullying", 1), new Count("fraud", 1), new Count("other", 1));
        assertThat(figures.current().by(Dimension.CHANNEL))
                .containsExactly(new Count("WEB", 3), new Count("APP", 1), new Count("STAFF", 1));
        assertThat(figures.current().by(Dimension.OUTCOME)).containsExactlyInAnyOrder(new Count("NATIONAL_ILLEGAL", 2),
                new Count("HARMFUL_NOT_ILLEGAL", 1), new Count("NOT_ACTIONABLE", 1), new Count(Count.NONE, 1));
        assertThat(figures.current().by(Dimension.PLATFORM)).containsExactly(new Count("INSTAGRAM", 2), new Count("TIKTOK", 1));
        assertThat(figures.current().by(Dimension.HOSTING_COUNTRY)).containsExactly(new Count("AL", 1), new Count("DE", 1));
        assertThat(figures.current().referrals()).containsExactly(
                new Figures.ReferralCount("al-police-cybercrime", "ACKNOWLEDGED", 1),
                new Figures.ReferralCount("al-police-cybercrime", "SENT", 1),
                new Figures.ReferralCount("platform-meta", "SENT", 1));
    }

    @Test
    void mediansAndNinetiethPercentilesOfEachStep() {
        Figures.Times times = statistics.figures(WEEK, false).current().times();

        // First look 1, 2, 3, 4, 10 h: median 3 h; 90th at 3.6 → 4 + 0.6 · 6 = 7.6 h.
        assertSpread(times.firstLook(), 5, hours(3), hours(7.6));
        // Assessment 2, 5, 12, 30 h: median 8.5 h; 90th at 2.7 → 12 + 0.7 · 18 = 24.6 h.
        assertSpread(times.assessment(), 4, hours(8.5), hours(24.6));
        // Referral 3, 6, 31 h: median 6 h; 90th at 1.8 → 6 + 0.8 · 25 = 26 h.
        assertSpread(times.referral(), 3, hours(6), hours(26));
        // Removal 10, 30, 100 h: median 30 h; 90th → 30 + 0.8 · 70 = 86 h.
        assertSpread(times.removal(), 3, hours(30), hours(86));
    }

    @Test
    void withTheClearanceAbuseMaterialCountsEverywhere() {
        Figures figures = statistics.figures(WEEK, true);

        assertThat(figures.current().reports()).isEqualTo(6);
        // First look 0.5, 1, 2, 3, 4, 10 h: median 2.5 h; 90th at 4.5 → 4 + 0.5 · 6 = 7 h.
        assertSpread(figures.current().times().firstLook(), 6, hours(2.5), hours(7));
        assertThat(figures.current().by(Dimension.HOSTING_COUNTRY)).contains(new Count("NL", 1));
        assertThat(figures.current().referrals()).contains(new Figures.ReferralCount("hotline-nl", "ACTIONED", 1));
        assertThat(figures.current().removal().removed()).isEqualTo(4);
    }

    @Test
    void sharesRemovedWithin24Hours3DaysAnd7Days() {
        Figures.Removal removal = statistics.figures(WEEK, false).current().removal();

        // Removed after 10, 30 and 100 hours.
        assertThat(removal.removed()).isEqualTo(3);
        assertThat(removal.share24Hours()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(removal.share3Days()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(removal.share7Days()).isEqualTo(1.0);
    }

    @Test
    void deadlinesCountOnceMetOrPassed() {
        Figures.Sla sla = statistics.figures(WEEK, false).current().sla();

        // First look due after 4 h: r5 (10 h) late, r4 exactly on time.
        assertThat(sla.firstLookMet()).isEqualTo(4);
        assertThat(sla.firstLookDue()).isEqualTo(5);
        assertThat(sla.firstLookShare()).isEqualTo(0.8);
        // Assessment due after 24 h: r4 late, r3 never assessed and past its deadline.
        assertThat(sla.assessmentMet()).isEqualTo(3);
        assertThat(sla.assessmentDue()).isEqualTo(5);
    }

    @Test
    void anEmptyPeriodHasNoTimesAndNoShares() {
        Figures figures = statistics.figures(new Period(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 31)), true);

        assertThat(figures.current().reports()).isZero();
        assertThat(figures.current().times().removal()).isEqualTo(new Figures.Spread(0, null, null));
        assertThat(figures.current().removal().share24Hours()).isNull();
        assertThat(figures.current().sla().firstLookShare()).isNull();
        assertThat(figures.current().received()).hasSize(31).allSatisfy(bucket -> assertThat(bucket.reports()).isZero());
    }

    @Test
    void theBacklogCountsOpenAndWatchedReportsNow() {
        Figures.Backlog before = statistics.figures(WEEK, false).backlog();
        report("2025-01-10T09:00:00Z", "other", "WEB", "OTHER", "UNKNOWN", new String[0], null, false, new String[0], null, null, null, null);
        jdbc.sql("UPDATE stats_report SET monitoring = true, case_status = 'REFERRED' WHERE received_at = '2025-01-08T09:00:00Z'").update();

        Figures.Backlog after = statistics.figures(WEEK, false).backlog();

        assertThat(after.open()).isEqualTo(before.open() + 1);
        assertThat(after.monitoring()).isEqualTo(before.monitoring() + 1);
    }

    private static void assertSpread(Figures.Spread spread, long reports, Duration median, Duration p90) {
        assertThat(spread.reports()).isEqualTo(reports);
        assertThat(spread.median()).isEqualTo(median);
        assertThat(spread.p90()).isEqualTo(p90);
    }

    private static Duration hours(double hours) {
        return Duration.ofMillis(Math.round(hours * 3_600_000));
    }

    private UUID report(String received, String category, String channel, String role, String age, String[] platforms,
            @Nullable String outcome, boolean csam, String[] countries, @Nullable Number firstLook, @Nullable Number assessed,
            @Nullable Number referred, @Nullable Double removed) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse(received);
        jdbc.sql("""
                INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, platforms, outcome,
                    csam, case_status, illegal_countries, first_look_at, assessed_at, referred_at, removed_at, first_look_due,
                    assessment_due, refreshed_at)
                VALUES (:id, :at, :category, :channel, :role, :age, :platforms, :outcome, :csam, :status, :countries, :firstLook,
                    :assessed, :referred, :removed, :firstLookDue, :assessmentDue, now())""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("category", category)
                .param("channel", channel)
                .param("role", role)
                .param("age", age)
                .param("platforms", platforms)
                .param("outcome", outcome)
                .param("csam", csam)
                .param("status", assessed == null ? "NEW" : "CLOSED")
                .param("countries", countries)
                .param("firstLook", after(at, firstLook))
                .param("assessed", after(at, assessed))
                .param("referred", after(at, referred))
                .param("removed", after(at, removed))
                .param("firstLookDue", after(at, 4))
                .param("assessmentDue", after(at, 24))
                .update();
        return id;
    }

    private void referral(UUID report, String agency, String status, boolean csam, String created) {
        jdbc.sql("""
                INSERT INTO stats_referral (referral_id, report_id, agency_id, agency_kind, status, csam, created_at, sent_at, refreshed_at)
                VALUES (?, ?, ?, 'POLICE', ?, ?, ?, ?, now())""")
                .params(UUID.randomUUID(), report, agency, status, csam, Timestamp.from(Instant.parse(created)),
                        Timestamp.from(Instant.parse(created)))
                .update();
    }

    private static @Nullable Timestamp after(Instant at, @Nullable Number hours) {
        return hours == null ? null : Timestamp.from(at.plus(hours(hours.doubleValue())));
    }
}
