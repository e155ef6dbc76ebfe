package org.raporto.stats.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard over HTTP: who may see it, what it shows with and without clearance, exports, and hostile periods. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsPagesTest {

    private static final String MAY_2024 = "?from=2024-05-01&to=2024-05-31";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void knownReportsInMay2024() {
        jdbc.sql("DELETE FROM stats_report WHERE received_at >= '2024-04-01' AND received_at < '2024-06-01'").update();
        jdbc.sql("DELETE FROM stats_referral WHERE created_at >= '2024-04-01' AND created_at < '2024-06-01'").update();
        for (int i = 0; i < 3; i++) {
            report("2024-05-0" + (i + 2) + "T09:00:00Z", "hate-speech", false);
        }
        report("2024-05-10T09:00:00Z", "csam", true);
        report("2024-04-20T09:00:00Z", "fraud", false);
        jdbc.sql("""
                INSERT INTO stats_referral (referral_id, report_id, agency_id, agency_kind, status, csam, created_at, refreshed_at)
                VALUES (?, ?, 'al-akep', 'REGULATOR', 'SENT', false, '2024-05-03T10:00:00Z', now())""")
                .params(UUID.randomUUID(), UUID.randomUUID()).update();
    }

    @Test
    void supervisorsSeeTheFiguresOfThePeriodComparedWithTheOneBefore() throws Exception {
        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), true);

        HttpResponse<String> page = supervisor.open("/staff/stats" + MAY_2024);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(page.body()).contains("<h1>Statistics</h1>", "Reports received 1 May 2024 – 31 May 2024, compared with 31 Mar 2024 – 30 Apr 2024.",
                "Reports by category", "<svg", "Child sexual abuse material", "AKEP", "Download “Reports by category” as CSV",
                "href=\"/staff/stats\" aria-current=\"page\"");
        assertThat(page.body()).doesNotContain("leave out the reports and referrals of that material");
    }

    @Test
    void withoutTheClearanceAbuseMaterialIsLeftOutAndSaidSo() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN), false);

        String page = admin.open("/staff/stats" + MAY_2024).body();

        assertThat(page).contains("leave out the reports and referrals of that material", "Hate speech");
        assertThat(page).doesNotContain("Child sexual abuse material<");
        String csv = admin.get("/staff/stats/export?table=category&from=2024-05-01&to=2024-05-31").body();
        assertThat(csv).doesNotContain("csam");
    }

    @Test
    void analystsAndEditorsAreRefused() throws Exception {
        for (Role role : List.of(Role.ANALYST, Role.EDITOR)) {
            FormClient other = TestStaff.signedIn(port, accounts, EnumSet.of(role), true);
            assertThat(other.get("/staff/stats").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(other.get("/staff/stats/export?table=category&from=2024-05-01&to=2024-05-31").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(other.get("/staff/stats/cases?from=2024-05-01&to=2024-05-31").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(other.get("/staff/").body()).as(role.name()).doesNotContain("href=\"/staff/stats\"");
        }
    }

    @Test
    void hostilePeriodsAreExplainedNeverAnError() throws Exception {
        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), true);
        List<String[]> hostile = List.of(
                new String[] {"2024-13-01", "2024-12-31", "Enter both dates"},
                new String[] {"yesterday", "today", "Enter both dates"},
                new String[] {"2024-05-01' OR 1=1 --", "2024-05-31", "Enter both dates"},
                new String[] {"<script>alert(1)</script>", "2024-05-31", "Enter both dates"},
                new String[] {"2024-05-31", "2024-05-01", "The end date is before the start date."},
                new String[] {"1900-01-01", "2024-05-01", "between the years 2000 and 2099"},
                new String[] {"2000-01-01", "2099-12-31", "at most ten years"},
                new String[] {"+999999999-01-01", "2024-01-01", "Enter both dates"},
                new String[] {"", "", "Enter both dates"},
                new String[] {"2024-05-01\u0000", "2024-05-31", "Enter both dates"});
        for (String[] period : hostile) {
            HttpResponse<String> page = supervisor.get("/staff/stats?from=" + encode(period[0]) + "&to=" + encode(period[1]));
            assertThat(page.statusCode()).as(period[0]).isEqualTo(400);
            assertThat(page.body()).as(period[0]).contains("<title>Error: Statistics", period[2]).doesNotContain("<script>alert(1)");
            HttpResponse<String> export = supervisor.get("/staff/stats/export?table=category&from=" + encode(period[0]) + "&to=" + encode(period[1]));
            assertThat(export.statusCode()).as(period[0]).isEqualTo(400);
            HttpResponse<String> cases = supervisor.get("/staff/stats/cases?from=" + encode(period[0]) + "&to=" + encode(period[1]));
            assertThat(cases.statusCode()).as(period[0]).isEqualTo(400);
            assertThat(cases.body()).as(period[0]).contains(period[2]);
        }
        assertThat(supervisor.get("/staff/stats/export?table=nothing&from=2024-05-01&to=2024-05-31").statusCode()).isEqualTo(404);
        assertThat(supervisor.get("/staff/stats/export?table=" + encode("../../etc") + "&from=2024-05-01&to=2024-05-31").statusCode()).isEqualTo(404);
        assertThat(supervisor.get("/staff/stats?from=2024-05-01&to=2024-05-31&from=x").statusCode()).isLessThan(500);
    }

    @Test
    void exportsAreCsvOfTheTableAndAudited() throws Exception {
        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), true);
        int before = exports();

        HttpResponse<String> csv = supervisor.get("/staff/stats/export?table=category&from=2024-05-01&to=2024-05-31");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("attachment",
                "raporto-category-2024-05-01-2024-05-31.csv"));
        assertThat(csv.body()).contains("What,Code,This period,Period before\r\n", "Hate speech,hate-speech,3,0\r\n", ",csam,1,0\r\n",
                ",fraud,0,1\r\n");
        assertThat(exports()).isEqualTo(before + 1);
        assertThat(supervisor.get("/staff/stats/export?table=times&from=2024-05-01&to=2024-05-31").body()).contains("To the first look");
    }

    @Test
    void theCaseListHasOneRowPerReportWithAnonymousFieldsOnlyFilteredAndAudited() throws Exception {
        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), true);
        int before = exports();

        HttpResponse<String> all = supervisor.get("/staff/stats/cases?from=2024-05-01&to=2024-05-31");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(all.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("attachment",
                "raporto-cases-2024-05-01-2024-05-31.csv"));
        List<String> lines = all.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFreceived on,category (code),category,channel,reporter,child's age,platforms,outcome (code)");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).isEqualTo("2024-05-02,hate-speech,Hate speech,Website,A parent or guardian,I do not know,,,Not assessed yet,no,"
                + "Closed,,,1.0,,,,,,no");
        assertThat(lines.get(4)).startsWith("2024-05-10,csam,").contains(",yes,");
        assertThat(all.body()).as("no report's id, no time of day").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-").doesNotContain("T09");
        assertThat(exports()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT details::text FROM audit_entry WHERE action = 'EXPORT_MADE' AND object_id = 'cases' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single()).contains("2024-05-01", "2024-05-31");

        String hate = supervisor.get("/staff/stats/cases?from=2024-05-01&to=2024-05-31&category=hate-speech&channel=WEB&outcome=NONE&status=CLOSED")
                .body();
        assertThat(hate.lines().skip(1)).hasSize(3).allMatch(line -> line.contains(",hate-speech,"));
        assertThat(supervisor.get("/staff/stats/cases?from=2024-05-01&to=2024-05-31&status=NEW").body().lines()).hasSize(1);
        assertThat(jdbc.sql("SELECT details::text FROM audit_entry WHERE action = 'EXPORT_MADE' AND object_id = 'cases' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single()).as("the filter is in the audit log").contains("NEW");
    }

    @Test
    void theCaseListLeavesOutAbuseMaterialWithoutTheClearanceAndRefusesValuesNotOffered() throws Exception {
        FormClient uncleared = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), false);
        assertThat(uncleared.get("/staff/stats/cases?from=2024-05-01&to=2024-05-31").body()).doesNotContain("csam").hasLineCount(4);
        assertThat(uncleared.get("/staff/stats/cases?from=2024-05-01&to=2024-05-31&category=csam").statusCode())
                .as("not offered, so not taken").isEqualTo(400);

        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), true);
        assertThat(supervisor.open("/staff/stats" + MAY_2024).body()).contains("action=\"/staff/stats/cases\"", "<option value=\"hate-speech\">",
                "<option value=\"NONE\">Not assessed yet</option>");
        int before = exports();
        for (String hostile : List.of("category=nothing", "channel=web", "outcome=" + encode("' OR 1=1 --"), "status=" + encode("<b>"),
                "category=" + encode("hate-speech\u0000"), "channel=" + "W".repeat(1_000))) {
            HttpResponse<String> refused = supervisor.get("/staff/stats/cases?from=2024-05-01&to=2024-05-31&" + hostile);
            assertThat(refused.statusCode()).as(hostile).isEqualTo(400);
            assertThat(refused.body()).as(hostile).isEqualTo("One of the filters has a value that is not among the dashboard's choices.");
        }
        assertThat(exports()).as("nothing refused was exported").isEqualTo(before);
    }

    @Test
    void aLongCaseListIsWrittenWhole() throws Exception {
        jdbc.sql("DELETE FROM stats_report WHERE received_at >= '2023-03-01' AND received_at < '2023-04-01'").update();
        jdbc.sql("""
                INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, csam, case_status, refreshed_at)
                SELECT gen_random_uuid(), timestamptz '2023-03-01 00:00Z' + n * interval '10 minutes', 'fraud', 'APP', 'OTHER', 'ADULT', false,
                    'NEW', now()
                FROM generate_series(1, 2500) AS n""").update();
        jdbc.sql("""
                INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, csam, case_status,
                    outcome, illegal_countries, illegal_networks, refreshed_at)
                VALUES (gen_random_uuid(), '2023-03-30 12:00Z', 'fraud', 'APP', 'OTHER', 'ADULT', false, 'ASSESSED', 'NATIONAL_ILLEGAL',
                    '{DE,NL,NL}', '{AS64500 Example,AS64500 Example}', now())""").update();
        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), true);

        String csv = supervisor.get("/staff/stats/cases?from=2023-03-01&to=2023-03-31").body();

        assertThat(csv.lines()).hasSize(2502).element(2500).asString().startsWith("2023-03-18,fraud,");
        assertThat(csv.lines()).last().asString().as("each country and network named once").contains(",DE; NL,AS64500 Example,");
    }

    @Test
    void formulaLikeCellsArePrefixedSoSpreadsheetsNeverRunThem() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("AS13335 Cloudflare")).isEqualTo("AS13335 Cloudflare");
    }

    private int exports() {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'EXPORT_MADE' AND object_type = 'statistics'").query(Integer.class).single();
    }

    private void report(String received, String category, boolean csam) {
        jdbc.sql("""
                INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, csam, case_status,
                    first_look_at, refreshed_at)
                VALUES (?, ?, ?, 'WEB', 'PARENT', 'UNKNOWN', ?, 'CLOSED', ?, now())""")
                .params(UUID.randomUUID(), Timestamp.from(Instant.parse(received)), category, csam,
                        Timestamp.from(Instant.parse(received).plusSeconds(3600)))
                .update();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
