package org.raporto.referral.web;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.Cases;
import org.raporto.casework.Classification;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Contact;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.referral.AgencyNotices;
import org.raporto.shared.Language;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The referral pages over HTTP as a browser without JavaScript uses them: the analyst's referral page, the partner
 * portal and the administrators' directory and rules, with hostile and wrong input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"raporto.notification.delivery.enabled=false",
        "raporto.referral.window=ALWAYS"})
class ReferralPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ReportIntake intake;

    @Autowired
    Assessments assessments;

    @Autowired
    AgencyNotices notices;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnalystRefersWithoutJavaScriptAndThePartnerAnswersInThePortal() throws Exception {
        ReportId id = assessed("adult-content", "https://adult-pages-" + UUID.randomUUID().toString().substring(0, 6) + ".example/a",
                Classification.of(Classification.Outcome.NATIONAL_ILLEGAL, "adult-content"));
        String page = "/staff/cases/" + id.value() + "/referrals";
        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));

        String suggested = analyst.open(page).body();
        assertThat(suggested).contains("Regulator: Autoriteti i Komunikimeve Elektronike dhe Postare (AKEP)",
                "is not marked ready to receive referrals");
        assertThat(analyst.open("/staff/cases/" + id.value()).body()).contains("Referrals of this report");

        assertThat(analyst.post(page, Map.of()).body()).contains("Error:", "Choose at least one agency.");
        assertThat(analyst.post(page, List.of(Map.entry("agency", "'; DROP TABLE referral; --"), Map.entry("agency", "<script>"))).body())
                .as("names that are no agency are not taken").contains("Choose at least one agency.").doesNotContain("<script>");
        assertThat(analyst.post(page, List.of(Map.entry("agency", "al-akep"), Map.entry("items-al-akep", "0"))).body())
                .contains("Autoriteti i Komunikimeve Elektronike dhe Postare (AKEP) is not ready to receive referrals.");
        assertThat(analyst.post(page, List.of(Map.entry("agency", "no-such-agency"), Map.entry("items-no-such-agency", "0"))).body())
                .contains("This agency is not in the directory.");

        jdbc.sql("UPDATE referral_agency SET ready = true, portal = true, emails = '{}' WHERE id = 'al-akep'").update();
        assertThat(analyst.post(page, List.of(Map.entry("agency", "al-akep"), Map.entry("items-al-akep", "9"))).body())
                .contains("at least one item with a final classification");
        assertThat(analyst.post(page, List.of(Map.entry("agency", "al-akep"), Map.entry("items-al-akep", "0"))).statusCode()).isEqualTo(303);
        assertThat(analyst.open(page).body()).contains("Referrals made", "Queued", "Not checked");

        FormClient regulator = TestStaff.partner(port, accounts, "al-akep");
        assertThat(regulator.open("/partner/").body()).as("nothing before it is sent").contains("You have no referrals.");
        notices.sendDue();
        String list = regulator.open("/partner/").body();
        String reference = jdbc.sql("SELECT reference FROM casework_case WHERE report_id = ?").param(id.value()).query(String.class).single();
        assertThat(list).contains("Agency: Autoriteti i Komunikimeve", reference, "Sent");
        UUID referral = jdbc.sql("SELECT id FROM referral WHERE report_id = ?").param(id.value()).query(UUID.class).single();
        String partnerPage = "/partner/referrals/" + referral;
        assertThat(regulator.open(partnerPage).body()).contains("https://adult-pages-", "Illegal under Albanian law").doesNotContain("href=\"https://adult");

        FormClient police = TestStaff.partner(port, accounts, "al-police-cybercrime");
        assertThat(police.get(partnerPage).statusCode()).as("another agency's referral").isEqualTo(404);
        assertThat(police.post(partnerPage + "/acknowledge", Map.of()).statusCode()).isEqualTo(404);
        assertThat(police.get("/partner/referrals/not-an-id").statusCode()).isEqualTo(404);
        assertThat(police.get("/staff/cases").statusCode()).as("partners are not staff").isEqualTo(403);

        assertThat(regulator.post(partnerPage + "/acknowledge", Map.of()).statusCode()).isEqualTo(303);
        assertThat(regulator.post(partnerPage + "/outcome", Map.of("outcome", "MAYBE")).body()).contains("Choose what was done.");
        String reason = "ë".repeat(1200);
        assertThat(regulator.post(partnerPage + "/outcome", Map.of("outcome", "DECLINED", "reason", reason)).body())
                .contains("Type the reason for declining", reason.substring(0, 1000));
        assertThat(regulator.post(partnerPage + "/outcome", Map.of("outcome", "DECLINED", "reason", "<b>Jashtë</b> kompetencës")).statusCode())
                .isEqualTo(303);
        assertThat(regulator.open(partnerPage).body()).contains("Declined: &lt;b&gt;Jashtë&lt;/b&gt; kompetencës").doesNotContain("<b>Jashtë");
        assertThat(analyst.open(page).body()).contains("Declined", "Time to answer");
        assertThat(analyst.open("/staff/cases/" + id.value()).body()).contains("The partner acknowledged it", "The partner answered");
    }

    @Test
    void referralPagesOfAReportTheAnalystMayNotSeeAreNotFound() throws Exception {
        ReportId id = assessed("csam", "https://csam-referral-pages.example/x", new Classification(Classification.Outcome.BASELINE_CSAM, "csam",
                Classification.AgeGroup.PUBESCENT, Classification.Gender.MALE, Classification.SiteType.FORUM, false, null, false, false, false));
        FormClient uncleared = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST), false);
        String page = "/staff/cases/" + id.value() + "/referrals";
        assertThat(uncleared.get(page).statusCode()).isEqualTo(404);
        assertThat(uncleared.post(page, List.of(Map.entry("agency", "al-police-cybercrime"), Map.entry("items-al-police-cybercrime", "0")))
                .statusCode()).isEqualTo(404);
        assertThat(uncleared.post("/staff/cases/" + id.value() + "/resolve", Map.of()).statusCode()).isEqualTo(404);
        assertThat(uncleared.get("/staff/cases/" + UUID.randomUUID() + "/referrals").statusCode()).isEqualTo(404);
        assertThat(uncleared.get("/staff/cases/nonsense/referrals").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE report_id = ?").param(id.value()).query(Integer.class).single()).isZero();
    }

    @Test
    void administratorsKeepTheDirectoryAndTheRulesAndWrongInputIsShownAgain() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        assertThat(admin.open("/staff/admin/agencies").body()).contains("Agencies", "Policia e Shtetit", "Offlimits", "Meta (Facebook");

        String id = "host-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> wrong = admin.post("/staff/admin/agencies/new", Map.of("id", id, "kind", "HOSTING_PROVIDER", "name", "Hostë <i>", "country",
                "Albania", "languages", "sq, en", "emails", "abuse@host.example\nnot an address", "domains", "", "notes", "shënim"));
        assertThat(wrong.body()).contains("Type the two-letter code of the country.", "valid e-mail addresses", "value=\"Hostë &lt;i>\"",
                "not an address");
        assertThat(admin.post("/staff/admin/agencies/new", Map.of("id", id, "kind", "NONSENSE", "name", "x")).body()).contains("Choose the kind of agency.");
        assertThat(admin.post("/staff/admin/agencies/new", Map.of("id", "Bad Id!", "kind", "POLICE", "name", "x", "country", "AL", "languages", "sq"))
                .body()).contains("The identifier has 2 to 63");
        assertThat(admin.post("/staff/admin/agencies/new", Map.of("id", id, "kind", "HOSTING_PROVIDER", "name", "Hostë", "country", "al",
                "languages", "sq, en", "emails", "abuse@host.example", "ready", "true")).statusCode()).isEqualTo(303);
        assertThat(admin.post("/staff/admin/agencies/new", Map.of("id", id, "kind", "POLICE", "name", "Again", "country", "AL", "languages", "sq"))
                .body()).contains("This identifier is taken.");
        assertThat(admin.open("/staff/admin/agencies/" + id).body()).contains("abuse@host.example", "Hostë");
        assertThat(admin.get("/staff/admin/agencies/no-such-agency").statusCode()).isEqualTo(404);

        String rules = admin.open("/staff/admin/routing").body();
        assertThat(rules).contains("Routing rules", "Child sexual abuse material");
        assertThat(admin.post("/staff/admin/routing", List.of(Map.entry("row", "new"), Map.entry("position-new", "5"),
                Map.entry("hosted-new", "EVERYWHERE"), Map.entry("recipient-new", "POLICE"))).body()).contains("a value that is not valid");
        int before = jdbc.sql("SELECT count(*) FROM referral_rule").query(Integer.class).single();
        assertThat(admin.post("/staff/admin/routing", List.of(Map.entry("row", "new"), Map.entry("position-new", "5"), Map.entry("category-new", "hate-speech"),
                Map.entry("hosted-new", "ANY"), Map.entry("recipient-new", "REGULATOR"))).statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT count(*) FROM referral_rule").query(Integer.class).single()).as("every rule dropped but the new one: the form lists none")
                .isEqualTo(1);
        assertThat(before).isGreaterThan(1);

        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));
        assertThat(analyst.get("/staff/admin/agencies").statusCode()).isEqualTo(403);
    }

    private ReportId assessed(String category, String url, Classification classification) {
        NewReport report = new NewReport(category, List.of(new ReportedItem.Address(CanonicalUrl.parse(url))), "Përshkrim", Happened.TODAY,
                AgeBand.FROM_13_TO_15, ReporterRole.PARENT, new Contact(Contact.Kind.PHONE, "+355 69 000 0000"), List.of());
        String reference = intake.submit(report, Channel.WEB, Language.SQ, UUID.randomUUID()).reference();
        ReportId id = new ReportId(jdbc.sql("SELECT id FROM intake_report WHERE reference = ?").param(reference).query(UUID.class).single());
        Analyst analyst = new Analyst(UUID.randomUUID(), "Arta", true, false);
        assessments.classify(id, List.of(0), classification, analyst);
        if (assessments.fourEyes(category)) {
            assessments.confirm(id, 0, new Analyst(UUID.randomUUID(), "Drini", true, false));
        }
        // Let go, as an analyst does who leaves the referral to a colleague.
        cases.release(id, analyst);
        return id;
    }
}
