package org.raporto.casework.web;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Contact;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.Platform;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.Screenshots;
import org.raporto.shared.Language;
import org.raporto.shared.image.TestImages;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyst's pages over HTTP as a browser without JavaScript uses them, hostile input included. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseworkPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ReportIntake intake;

    @Autowired
    Screenshots screenshots;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnalystAssessesAReportWithoutJavaScriptFromTheQueueToClosed() throws Exception {
        String reference = submit("cyberbullying", "https://bully-pages.example/post/9", "They post about my son every day 5e1a", List.of());
        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));
        String queue = analyst.open("/staff/cases?q=" + reference).body();
        assertThat(queue).contains(reference, "Cyberbullying").doesNotContain("5e1a");
        String page = "/staff/cases/" + id(reference);

        assertThat(analyst.post(page + "/claim", Map.of()).statusCode()).isEqualTo(303);
        assertThat(analyst.post(page + "/items/0/trace", Map.of()).statusCode()).isEqualTo(303);
        assertThat(analyst.post(page + "/items/1/trace", Map.of()).statusCode()).isEqualTo(404);
        String opened = analyst.open(page).body();
        assertThat(opened).contains("They post about my son every day 5e1a", "https://bully-pages.example/post/9", "only in this report",
                        "Not traced: a name for a local or private network", "Trace again")
                .doesNotContain("href=\"https://bully-pages.example");

        HttpResponse<String> noItems = analyst.post(page + "/classify", Map.of("outcome", "HARMFUL_NOT_ILLEGAL"));
        assertThat(noItems.body()).contains("Error: Report", "Select at least one item to classify");
        HttpResponse<String> incomplete = analyst.post(page + "/classify", List.of(Map.entry("item", "0"), Map.entry("item", "1"),
                Map.entry("outcome", "BASELINE_CSAM"), Map.entry("paymentMethod", "<script>alert(1)</script>")));
        assertThat(incomplete.body()).contains("choose age group, gender, site type", "value=\"&lt;script>alert(1)&lt;/script>\"")
                .doesNotContain("<script>alert(1)");
        assertThat(analyst.post(page + "/classify", List.of(Map.entry("item", "0"), Map.entry("item", "1"),
                Map.entry("outcome", "HARMFUL_NOT_ILLEGAL"), Map.entry("harmCategory", "hate-speech"))).statusCode()).isEqualTo(303);
        assertThat(analyst.open(page).body()).contains("Assessed", "Harmful, not illegal", "Hate speech");

        assertThat(analyst.post(page + "/reply", Map.of("text", "Thank you; we asked the platform.")).statusCode()).isEqualTo(303);
        assertThat(analyst.post(page + "/notes", Map.of("text", "Mother called too.")).statusCode()).isEqualTo(303);
        String tooLong = "ë".repeat(6000);
        HttpResponse<String> longNote = analyst.post(page + "/notes", Map.of("text", tooLong));
        assertThat(longNote.body()).contains("Write between 1 and 5000 characters", tooLong.substring(0, 5000));
        assertThat(analyst.post(page + "/close", Map.of("reason", "'; DROP TABLE casework_case; --")).body()).contains("Choose why the report is closed");
        assertThat(analyst.post(page + "/close", Map.of("reason", "NOT_ACTIONABLE")).statusCode()).isEqualTo(303);

        String closed = analyst.open(page).body();
        assertThat(closed).contains("Closed", "Thank you; we asked the platform.", "Mother called too.", "Reply sent", "Note added", "Item classified");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ? AND action = 'REPORT_VIEWED'").param(id(reference).toString())
                .query(Integer.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void takeNextOpensAReportAndSupervisorsSeeTheLateListAndAssign() throws Exception {
        submit("grooming", "https://next-pages.example/chat", "next", List.of());
        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));
        HttpResponse<String> next = analyst.post("/staff/cases/next", Map.of());
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(next.headers().firstValue("Location").orElseThrow()).startsWith("/staff/cases/");

        FormClient supervisor = TestStaff.signedIn(port, accounts, EnumSet.of(Role.SUPERVISOR));
        assertThat(supervisor.get("/staff/cases/late").statusCode()).isEqualTo(200);
        assertThat(analyst.get("/staff/cases/late").statusCode()).isEqualTo(403);
        String reference = submit("hate-speech", "https://assign-pages.example/x", "assign me", List.of());
        String page = "/staff/cases/" + id(reference);
        String options = supervisor.open(page).body();
        assertThat(options).contains("Give it to");
        UUID analystId = jdbc.sql("SELECT id FROM identity_account WHERE name = 'Test [ANALYST]' ORDER BY created_at DESC LIMIT 1").query(UUID.class).single();
        assertThat(supervisor.post(page + "/assign", Map.of("account", analystId.toString())).statusCode()).isEqualTo(303);
        assertThat(supervisor.post(page + "/assign", Map.of("account", "not-an-id")).body()).contains("Choose someone to give the report to");
        assertThat(jdbc.sql("SELECT assignee FROM casework_case WHERE reference = ?").param(reference).query(UUID.class).single()).isEqualTo(analystId);
    }

    @Test
    void childSexualAbuseReportsAreNotFoundForAccountsWithoutClearanceAndCountedForThoseWithIt() throws Exception {
        String reference = submit("csam", "https://csam-pages.example/album", "", List.of());
        String page = "/staff/cases/" + id(reference);
        FormClient uncleared = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST), false);
        assertThat(uncleared.get(page).statusCode()).isEqualTo(404);
        assertThat(uncleared.post(page + "/claim", Map.of()).statusCode()).isEqualTo(404);
        assertThat(uncleared.get("/staff/cases?q=" + reference).body()).contains("No report matches.").doesNotContain(page);

        FormClient cleared = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST), true);
        assertThat(cleared.get(page).body()).contains(reference, "first report of child sexual abuse material you opened");
        assertThat(cleared.get(page).body()).contains("You have opened 2 reports of child sexual abuse material");
    }

    @Test
    void screenshotsAreVeiledByDefaultServedWithoutCachingAndEveryViewIsAudited() throws Exception {
        UUID upload = screenshots.upload(TestImages.png(40, 30, Color.ORANGE)).upload();
        String reference = submit("cyberbullying", "https://shots-pages.example/1", "with a screenshot", List.of(upload));
        String page = "/staff/cases/" + id(reference);
        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));
        String opened = analyst.open(page).body();
        assertThat(opened).contains("screenshot--veiled", "Show screenshot 1");
        UUID attachment = jdbc.sql("SELECT id FROM intake_attachment WHERE report_id = ?").param(id(reference)).query(UUID.class).single();

        HttpResponse<String> image = analyst.get(page + "/screenshots/" + attachment);

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ? AND details->>'screenshot' = ?")
                .params(id(reference).toString(), attachment.toString()).query(Integer.class).single()).isOne();
        assertThat(analyst.get(page + "/screenshots/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        assertThat(analyst.post("/staff/cases/preferences", Map.of("reveal", "true", "back", id(reference).toString())).statusCode()).isEqualTo(303);
        assertThat(analyst.open(page).body()).doesNotContain("screenshot--veiled");
    }

    @Test
    void malformedAddressesAndFiltersAreNotFoundOrIgnoredNeverAFailure() throws Exception {
        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));
        for (String path : List.of("/staff/cases/not-a-uuid", "/staff/cases/" + UUID.randomUUID(), "/staff/cases/%00", "/staff/cases/"
                + UUID.randomUUID() + "/screenshots/x")) {
            assertThat(analyst.get(path).statusCode()).as(path).isIn(400, 404);
        }
        String reference = submit("fraud", "https://filters-pages.example/1", "f", List.of());
        assertThat(analyst.post("/staff/cases/" + id(reference) + "/items/abc/confirm", Map.of()).statusCode()).isEqualTo(404);
        for (String query : List.of("status=NOPE&category=%27%3B--&channel=x&assignee=me&sla=late&from=2026-13-45&to=yesterday&country=%C3%AB%C3%AB&q=%25_%5C",
                "q=" + "x".repeat(5000), "after=AAAA", "after=" + "A".repeat(500), "status=CLOSED&status=NEW&from=2020-01-01&to=2030-12-31&country=al")) {
            assertThat(analyst.get("/staff/cases?" + query).statusCode()).as(query).isEqualTo(200);
        }
        assertThat(analyst.get("/staff/cases?q=filters-pages").body()).contains(reference);
        assertThat(analyst.get("/staff/cases?q=" + reference.substring(0, 6)).statusCode()).isEqualTo(200);
    }

    private String submit(String category, String url, String description, List<UUID> uploads) {
        List<ReportedItem> items = category.equals("csam")
                ? List.of(new ReportedItem.Address(CanonicalUrl.parse(url)))
                : List.of(new ReportedItem.Address(CanonicalUrl.parse(url)), new ReportedItem.Account(Platform.TIKTOK, "someone_" + UUID.randomUUID()));
        return intake.submit(new NewReport(category, items, description.isEmpty() ? "seen" : description, Happened.TODAY, AgeBand.UNDER_13,
                ReporterRole.PARENT, new Contact(Contact.Kind.EMAIL, "parent@example.org"), uploads), Channel.WEB, Language.EN, UUID.randomUUID()).reference();
    }

    private UUID id(String reference) {
        return jdbc.sql("SELECT report_id FROM casework_case WHERE reference = ?").param(reference).query(UUID.class).single();
    }
}
