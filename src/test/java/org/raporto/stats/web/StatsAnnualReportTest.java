package org.raporto.stats.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.shared.Language;
import org.raporto.stats.Figures.Count;
import org.raporto.stats.Suppression;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual report of a known year, 2021 against 2020, opened with PDFBox: its text says what the dashboard and the
 * public page say of the same year, small cells suppressed as on the public page, in both languages; it is tagged,
 * in its language, titled, with its fonts embedded. Over HTTP: who may take it, the audit entry, bad parameters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsAnnualReportTest {

    private static final Pattern ROW = Pattern.compile("<th scope=\"row\">([^<]*)</th>\\s*<td>([^<]*)</td>");

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnnualReportPdf reports;

    @BeforeEach
    void knownYears() {
        jdbc.sql("DELETE FROM stats_report WHERE received_at >= '2019-12-01' AND received_at < '2022-02-01'").update();
        jdbc.sql("DELETE FROM stats_referral WHERE created_at >= '2019-12-01' AND created_at < '2022-02-01'").update();
        // 2021: 8 hate speech in March from parents on the website, looked at after 1 to 8 hours, 5 removed within
        // 10 hours and each referred to the police; 6 cyberbullying in June from children in an app, removed after 30
        // hours; 3 child sexual abuse material in July hosted in NL.
        for (int i = 0; i < 8; i++) {
            UUID report = report("2021-03-1" + i + "T09:00:00Z", "hate-speech", "WEB", "PARENT", "UNKNOWN", false, "{AL}", i + 1.0,
                    i < 5 ? 10.0 : null);
            referral(report, "al-police-cybercrime", i < 6 ? "SENT" : "ACKNOWLEDGED", "2021-03-1" + i + "T12:00:00Z");
        }
        for (int i = 0; i < 6; i++) {
            report("2021-06-1" + i + "T09:00:00Z", "cyberbullying", "APP", "CHILD", "FROM_13_TO_15", false, "{}", 2.0, 30.0);
        }
        for (int i = 0; i < 3; i++) {
            report("2021-07-1" + i + "T09:00:00Z", "csam", "WEB", "OTHER", "UNKNOWN", true, "{NL}", 0.5, null);
        }
        // 2020: 5 hate speech in May, 2 fraud in October.
        for (int i = 0; i < 5; i++) {
            report("2020-05-1" + i + "T09:00:00Z", "hate-speech", "WEB", "PARENT", "UNKNOWN", false, "{}", 3.0, null);
        }
        for (int i = 0; i < 2; i++) {
            report("2020-10-1" + i + "T09:00:00Z", "fraud", "WEB", "TEACHER", "ADULT", false, "{}", null, null);
        }
    }

    @Test
    void englishReportSaysWhatTheDashboardAndThePublicPageSay() throws Exception {
        String pdf = text(reports.render(2021, Language.EN));
        String publicPage = get("/en/statistics?year=2021");
        String dashboard = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), true)
                .open("/staff/stats?from=2021-01-01&to=2021-12-31").body();

        assertThat(pdf).contains("Annual report 2021", "Reports received in 2021\n17", "In 2020: 7", "How these figures are made");
        // Every table of the public page, cell for cell, including "< 5" and "withheld".
        for (String table : List.of("months", "categories", "outcomes", "removal", "regions")) {
            Map<String, String> rows = rows(section(publicPage, "id=\"" + table + "\"", "</table>"));
            assertThat(rows).as(table).isNotEmpty();
            rows.forEach((label, shown) -> assertThat(pdf).as(table).containsPattern("(?m)^" + Pattern.quote(label + " " + shown) + "( |$)"));
        }
        assertThat(pdf).containsPattern("(?m)^Hate speech 8 withheld$").containsPattern("(?m)^Cyberbullying, threats or harassment withheld < 5$")
                .containsPattern("(?m)^Child sexual abuse material < 5 < 5$");
        // The dashboard's own tables, suppressed as the public page suppresses.
        for (String chart : List.of("channel", "role", "age")) {
            Map<String, String> rows = rows(section(dashboard, "id=\"chart-" + chart + "\"", "</table>"));
            assertThat(rows).as(chart).isNotEmpty();
            published(rows).forEach((label, shown) -> assertThat(pdf).as(chart).containsPattern("(?m)^" + Pattern.quote(label + " " + shown) + "( |$)"));
        }
        assertThat(pdf).containsPattern("(?m)^Website 11 7$").containsPattern("(?m)^App 6 < 5$");
        // Times over at least five reports, as the dashboard writes them; over fewer, not shown.
        String times = section(dashboard, "id=\"times\"", "</table>");
        String firstLook = cells(times, "To the first look");
        // First look 0.5 h three times, 1 h, 2 h seven times, 3 to 8 h: median 2 h; the 90th at 14.4 → 6 + 0.4 · 1 = 6.4 h.
        assertThat(firstLook).isEqualTo("17 2.0 6.4");
        assertThat(pdf).contains("To the first look 17 2.0 6.4 3.0 3.0", "To the removal of the content 11 30.0 30.0 – –");
        // Shares: 5 of 11 removed within 24 hours, as the dashboard says; 11 of 11 within 3 days leaves a rest of 0.
        String shares = section(dashboard, "id=\"shares\"", "</table>");
        assertThat(shares).contains("<td>45.5 %</td>");
        assertThat(pdf).containsPattern("(?m)^Content removed within 24 hours of the report \\(of those removed\\) 45\\.5 % – 11$")
                .containsPattern("(?m)^Content removed within 3 days \\(of those removed\\) – – 11$");
        assertThat(pdf).containsPattern("(?m)^Police 8 < 5$").containsPattern("(?m)^sent withheld < 5$").containsPattern("(?m)^acknowledged < 5 < 5$");
        assertThat(pdf).doesNotContain("csam", "al-police-cybercrime");
    }

    @Test
    void albanianReportSaysTheSameInAlbanian() throws Exception {
        String pdf = text(reports.render(2021, Language.SQ));
        String publicPage = get("/sq/statistika?year=2021");

        assertThat(pdf).contains("Raporti vjetor 2021", "Raportime të marra në 2021\n17", "Si bëhen këto shifra", "e fshehur");
        for (String table : List.of("months", "categories", "outcomes", "removal", "regions")) {
            Map<String, String> rows = rows(section(publicPage, "id=\"" + table + "\"", "</table>"));
            assertThat(rows).as(table).isNotEmpty();
            rows.forEach((label, shown) -> assertThat(pdf).as(table).containsPattern("(?m)^" + Pattern.quote(label + " " + shown) + "( |$)"));
        }
        // The same hours and shares, with the Albanian decimal comma.
        assertThat(pdf).contains("Deri te shikimi i parë 17 2,0 6,4 3,0 3,0").containsPattern("45,5 % – 11");
    }

    @Test
    void theFileIsTaggedInItsLanguageTitledWithItsFontsEmbeddedAndChartsDrawnAsPaths() throws Exception {
        for (Language language : Language.values()) {
            try (PDDocument document = Loader.loadPDF(reports.render(2021, language))) {
                assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(language.code());
                assertThat(document.getDocumentCatalog().getMarkInfo()).isNotNull();
                assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
                assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
                assertThat(document.getDocumentInformation().getTitle()).contains("2021");
                assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
                List<PDFont> fonts = new ArrayList<>();
                for (PDPage page : document.getPages()) {
                    for (COSName name : page.getResources().getFontNames()) {
                        fonts.add(page.getResources().getFont(name));
                    }
                    // The charts are paths, not pictures.
                    assertThat(page.getResources().getXObjectNames()).isEmpty();
                }
                assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
                List<String> bars = new ArrayList<>();
                figures(document.getDocumentCatalog().getStructureTreeRoot().getKids(), bars);
                assertThat(bars).as("each bar a figure with its words").isNotEmpty().allSatisfy(alt -> assertThat(alt).isNotBlank());
                if (language == Language.EN) {
                    assertThat(bars).contains("March, 2021: 8", "May, 2020: 5");
                }
            }
        }
    }

    @Test
    void supervisorsTakeItAsAnAuditedPdfOthersAreRefused() throws Exception {
        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR), false);
        int before = exports();

        HttpResponse<String> pdf = supervisor.get("/staff/stats/annual?year=2021&lang=sq");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("attachment",
                "raporto-2021-sq.pdf"));
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(exports()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT object_id FROM audit_entry WHERE action = 'EXPORT_MADE' ORDER BY seq DESC LIMIT 1").query(String.class).single())
                .isEqualTo("annual-sq");
        assertThat(supervisor.open("/staff/stats?from=2021-01-01&to=2021-12-31").body())
                .contains("href=\"/staff/stats/annual?year=2021&amp;lang=sq\"", "href=\"/staff/stats/annual?year=2017&amp;lang=en\"");
        for (Role role : List.of(Role.ANALYST, Role.EDITOR)) {
            FormClient other = TestStaff.signedIn(port, accounts, EnumSet.of(role), true);
            assertThat(other.get("/staff/stats/annual?year=2021&lang=en").statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(exports()).isEqualTo(before + 1);
    }

    @Test
    void badYearsAndLanguagesAreExplainedNeverAnError() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN), true);
        int before = exports();
        for (String query : List.of("year=abc&lang=en", "year=1999&lang=en", "year=3000&lang=en", "year=99999999999999999999&lang=en",
                "lang=en", "year=2021&lang=de", "year=2021", "year=2021&lang=%3Cscript%3E", "year=2021%27%20OR%201=1&lang=en")) {
            HttpResponse<String> answer = admin.get("/staff/stats/annual?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.body()).as(query).contains("<title>Error: Statistics", "href=\"/staff/stats#annual\"")
                    .containsAnyOf("Choose a year from 2000 to", "Choose the language of the report").doesNotContain("<script>");
        }
        assertThat(exports()).isEqualTo(before);
    }

    /** The alternative texts of the figures in the structure tree. */
    private static void figures(List<Object> kids, List<String> alternatives) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType())) {
                    alternatives.add(String.valueOf(element.getAlternateDescription()));
                }
                figures(element.getKids(), alternatives);
            }
        }
    }

    private int exports() {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'EXPORT_MADE' AND object_type = 'statistics'").query(Integer.class).single();
    }

    /** The text of the PDF, lines in reading order. */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace("\r\n", "\n");
        }
    }

    /** The first two cells of each row of an HTML table: its label and its figure. */
    private static Map<String, String> rows(String table) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            rows.put(HtmlUtils.htmlUnescape(row.group(1)), HtmlUtils.htmlUnescape(row.group(2)));
        }
        return rows;
    }

    /**
     * A table of the dashboard as it is published: its counts of the year put through the public page's suppression.
     * A row the dashboard has only for the period before counts 0 this year: small.
     */
    private static Map<String, String> published(Map<String, String> exact) {
        List<Count> counts = exact.entrySet().stream().map(entry -> new Count(entry.getKey(), Long.parseLong(entry.getValue())))
                .filter(count -> count.reports() > 0).toList();
        Map<String, String> shown = new LinkedHashMap<>();
        exact.forEach((label, count) -> shown.put(label, "< 5"));
        for (Suppression.Cell cell : Suppression.of(counts)) {
            shown.put(cell.key(), switch (cell.shown()) {
                case EXACT -> String.valueOf(cell.count());
                case SMALL -> "< 5";
                case WITHHELD -> "withheld";
            });
        }
        return shown;
    }

    /** The cells after a row's label, separated by spaces. */
    private static String cells(String table, String label) {
        String row = section(table, "<th scope=\"row\">" + label + "</th>", "</tr>");
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<td>([^<]*)</td>").matcher(row);
        while (cell.find() && cells.size() < 3) {
            cells.add(cell.group(1));
        }
        return String.join(" ", cells);
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String section(String body, String from, String to) {
        int start = body.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = body.indexOf(to, start);
        assertThat(end).as(to).isGreaterThan(start);
        return body.substring(start, end);
    }

    private UUID report(String received, String category, String channel, String role, String age, boolean csam, String countries,
            @Nullable Double firstLookHours, @Nullable Double removedHours) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse(received);
        jdbc.sql("""
                INSERT INTO stats_report (report_id, received_at, category_code, channel, reporter_role, age_band, csam, case_status,
                    illegal_countries, first_look_at, removed_at, refreshed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'CLOSED', CAST(? AS text[]), ?, ?, now())""")
                .params(id, Timestamp.from(at), category, channel, role, age, csam, countries, later(at, firstLookHours), later(at, removedHours))
                .update();
        return id;
    }

    private static @Nullable Timestamp later(Instant at, @Nullable Double hours) {
        return hours == null ? null : Timestamp.from(at.plus(Duration.ofMillis(Math.round(hours * 3_600_000))));
    }

    private void referral(UUID report, String agency, String status, String created) {
        jdbc.sql("""
                INSERT INTO stats_referral (referral_id, report_id, agency_id, agency_kind, status, csam, created_at, refreshed_at)
                VALUES (?, ?, ?, 'POLICE', ?, false, ?, now())""")
                .params(UUID.randomUUID(), report, agency, status, Timestamp.from(Instant.parse(created))).update();
    }
}
