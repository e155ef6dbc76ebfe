package org.raporto.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.Cases;
import org.raporto.casework.Classification;
import org.raporto.casework.CloseReason;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Contact;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.Platform;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.shared.Language;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.raporto.tracing.CanonicalUrl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection follows a report through casework from its events, and a rebuild from the source tables agrees. */
@SpringBootTest
@Import(MondayMorning.class)
class StatsProjectionTest {

    private static final String DESCRIPTION = "Description only the hotline may read 7f3a";
    private static final String PHONE = "+355 69 123 4567";

    @Autowired
    ReportIntake intake;

    @Autowired
    Cases cases;

    @Autowired
    Assessments assessments;

    @Autowired
    Projection projection;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private final Analyst analyst = new Analyst(UUID.randomUUID(), "Arta", true, false);

    @Test
    void followsAReportFromReceiptToClassificationAndClosure() {
        Instant received = clock.instant();
        ReportId id = submit("hate-speech", "https://hate.example/post/1", ReporterRole.TEACHER);
        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("category_code", "hate-speech").containsEntry("channel", "WEB")
                .containsEntry("reporter_role", "TEACHER").containsEntry("age_band", "FROM_13_TO_15")
                .containsEntry("case_status", "NEW").containsEntry("csam", false);
        assertThat(row.get("outcome")).isNull();
        assertThat(row.get("first_look_at")).isNull();
        assertThat(array(row.get("platforms"))).containsExactly("TIKTOK");

        clock.advance(Duration.ofMinutes(30));
        cases.claim(id, analyst);
        assertThat(instant(row(id).get("first_look_at"))).isEqualTo(received.plus(Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(30));
        assessments.classify(id, List.of(0, 1), Classification.of(Classification.Outcome.NATIONAL_ILLEGAL, "hate-speech"), analyst);
        row = row(id);
        assertThat(row).containsEntry("outcome", "NATIONAL_ILLEGAL").containsEntry("case_status", "ASSESSED");
        assertThat(instant(row.get("assessed_at"))).isEqualTo(received.plus(Duration.ofHours(1)));
    }

    @Test
    void aReportOfAbuseMaterialIsMarkedAndAClosedReportKeepsItsClosure() {
        ReportId csam = submit("csam", "https://gallery.example/7", ReporterRole.CHILD);
        assertThat(row(csam)).containsEntry("csam", true);

        ReportId other = submit("fraud", "https://fraud.example/x", ReporterRole.PARENT);
        cases.claim(other, analyst);
        clock.advance(Duration.ofMinutes(5));
        cases.close(other, CloseReason.OUT_OF_REMIT, analyst);
        assertThat(row(other)).containsEntry("case_status", "CLOSED");
        assertThat(instant(row(other).get("closed_at"))).isEqualTo(clock.instant());
    }

    @Test
    void theRebuildFromTheSourceTablesGivesTheRowsTheEventsGaveAndRefreshingAgainChangesNothing() {
        ReportId a = submit("cyberbullying", "https://bully.example/1", ReporterRole.CHILD);
        ReportId b = submit("other", "https://other.example/1", ReporterRole.OTHER);
        cases.claim(a, analyst);
        assessments.classify(a, List.of(0, 1), Classification.of(Classification.Outcome.HARMFUL_NOT_ILLEGAL, "cyberbullying"), analyst);
        cases.claim(b, analyst);
        cases.close(b, CloseReason.NOT_ACTIONABLE, analyst);
        List<Map<String, Object>> fromEvents = all();

        projection.refresh(a.value());
        projection.refresh(a.value());
        assertThat(all()).isEqualTo(fromEvents);

        jdbc.sql("DELETE FROM stats_report").update();
        int rebuilt = projection.rebuild();

        assertThat(rebuilt).isEqualTo(jdbc.sql("SELECT count(*) FROM intake_report").query(Integer.class).single());
        assertThat(all()).isEqualTo(fromEvents);
    }

    @Test
    void hostingCountriesAndNetworksCountIllegalItemsNotReports() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String two = "two-" + tag + ".example";
        String one = "one-" + tag + ".example";
        NewReport report = new NewReport("hate-speech", List.of(new ReportedItem.Address(CanonicalUrl.parse("https://" + two + "/a")),
                new ReportedItem.Address(CanonicalUrl.parse("https://" + two + "/b")), new ReportedItem.Address(CanonicalUrl.parse("https://" + one + "/c"))),
                DESCRIPTION, Happened.TODAY, AgeBand.UNKNOWN, ReporterRole.OTHER, null, List.of());
        String reference = intake.submit(report, Channel.WEB, Language.SQ, UUID.randomUUID()).reference();
        ReportId id = new ReportId(jdbc.sql("SELECT id FROM intake_report WHERE reference = ?").param(reference).query(UUID.class).single());
        traced(two, "NL", "198.51.100.7", 64500, "Example Hosting");
        traced(two, "NL", "198.51.100.8", 64500, "Example Hosting");
        traced(one, "DE", "203.0.113.9", 64501, "Other Net");

        cases.claim(id, analyst);
        assessments.classify(id, List.of(0, 1, 2), Classification.of(Classification.Outcome.NATIONAL_ILLEGAL, "hate-speech"), analyst);

        Map<String, Object> row = row(id);
        assertThat(array(row.get("illegal_countries"))).as("one entry per item").containsExactly("DE", "NL", "NL");
        assertThat(array(row.get("illegal_networks"))).as("an item once per network, however many addresses its host has")
                .containsExactly("AS64500 Example Hosting", "AS64500 Example Hosting", "AS64501 Other Net");
    }

    /** A finished trace of {@code host}, as the tracing module leaves it, with one more address. */
    private void traced(String host, String country, String address, long asn, String network) {
        jdbc.sql("""
                INSERT INTO tracing_host (host, literal, requested_at, outcome, country, traced_at, expires_at)
                VALUES (?, false, now(), 'TRACED', ?, now(), now() + interval '1 day')
                ON CONFLICT (host) DO UPDATE SET outcome = 'TRACED', reason = NULL, country = excluded.country, due_at = NULL,
                    lease_until = NULL, traced_at = now(), expires_at = now() + interval '1 day'""")
                .params(host, country).update();
        jdbc.sql("""
                INSERT INTO tracing_address (host, position, address, on_internet, country, asn, network)
                VALUES (?, (SELECT count(*) FROM tracing_address WHERE host = ?), CAST(? AS inet), true, ?, ?, ?)""")
                .params(host, host, address, country, asn, network).update();
    }

    @Test
    void theProjectionHoldsNothingAReporterWroteNorTheirContact() {
        ReportId id = submit("cyberbullying", "https://private.example/secret-path", ReporterRole.PARENT);
        String everything = jdbc.sql("SELECT coalesce(string_agg(s::text, ' '), '') FROM stats_report s").query(String.class).single()
                + jdbc.sql("SELECT coalesce(string_agg(f::text, ' '), '') FROM stats_referral f").query(String.class).single();

        assertThat(row(id)).isNotEmpty();
        assertThat(everything).doesNotContain(DESCRIPTION).doesNotContain(PHONE).doesNotContain("secret-path")
                .doesNotContain("acct_").doesNotContain("R-20");
        assertThat(jdbc.sql("""
                SELECT column_name FROM information_schema.columns WHERE table_name IN ('stats_report', 'stats_referral')""")
                .query(String.class).list())
                .noneMatch(column -> column.matches(".*(description|contact|url|address|ip|agent|reference|text|name).*"));
    }

    private ReportId submit(String category, String url, ReporterRole role) {
        List<ReportedItem> items = category.equals("csam")
                ? List.of(new ReportedItem.Address(CanonicalUrl.parse(url)))
                : List.of(new ReportedItem.Address(CanonicalUrl.parse(url)), new ReportedItem.Account(Platform.TIKTOK, "acct_" + UUID.randomUUID()));
        NewReport report = new NewReport(category, items, DESCRIPTION, Happened.TODAY, AgeBand.FROM_13_TO_15, role,
                new Contact(Contact.Kind.PHONE, PHONE), List.of());
        String reference = intake.submit(report, Channel.WEB, Language.SQ, UUID.randomUUID()).reference();
        return new ReportId(jdbc.sql("SELECT id FROM intake_report WHERE reference = ?").param(reference).query(UUID.class).single());
    }

    private Map<String, Object> row(ReportId id) {
        return jdbc.sql("SELECT * FROM stats_report WHERE report_id = ?").param(id.value()).query().singleRow();
    }

    private List<Map<String, Object>> all() {
        return jdbc.sql("""
                SELECT report_id, received_at, category_code, channel, reporter_role, age_band, platforms::text, outcome, csam,
                    case_status, illegal_countries::text, illegal_networks::text, first_look_at, assessed_at, referred_at, removed_at,
                    closed_at, first_look_due, assessment_due, monitoring
                FROM stats_report ORDER BY report_id""").query().listOfRows();
    }

    private static List<String> array(Object value) throws RuntimeException {
        try {
            return List.of((String[]) ((java.sql.Array) value).getArray());
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        return ((java.sql.Timestamp) value).toInstant();
    }
}
