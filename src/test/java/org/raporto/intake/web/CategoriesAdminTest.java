package org.raporto.intake.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators edit what can be reported; the form follows at once; child sexual abuse reports keep their rules. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The categories changed here are seen by every test sharing the database.
@DirtiesContext
class CategoriesAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorRenamesACategoryAndTheFormShowsIt() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        assertThat(admin.open("/staff/admin/categories").body()).contains("Cyberbullying", "Child sexual abuse material");
        admin.open("/staff/admin/categories/cyberbullying");
        Map<String, String> form = form("Bullizmi në internet", "Ngacmim online (i ri)", "Online bullying", "Insults and threats online.");
        assertThat(admin.post("/staff/admin/categories/cyberbullying", form).statusCode()).isEqualTo(303);

        assertThat(new FormClient(port, "/en/raporto/form").get("/en/raporto/form").body()).contains("Online bullying");
        assertThat(new FormClient(port, "/sq/raporto/formulari").get("/sq/raporto/formulari").body()).contains("Bullizmi në internet");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'CATEGORY_CHANGED' AND object_id = 'cyberbullying'")
                .query(Integer.class).single()).isOne();
    }

    @Test
    void childSexualAbuseReportsNeverTakeScreenshotsAndAlwaysNeedAnAddress() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        admin.open("/staff/admin/categories/csam");
        Map<String, String> form = form("Material i abuzimit seksual të fëmijëve", "Vetëm adresën.", "Child sexual abuse material", "Only the address.");
        form.put("attachmentsAllowed", "true");
        form.put("requires", "ANYTHING");

        var answer = admin.post("/staff/admin/categories/csam", form);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Error: Change a category", "always need an address and never take screenshots");
        assertThat(jdbc.sql("SELECT attachments_allowed FROM intake_category WHERE code = 'csam'").query(Boolean.class).single()).isFalse();
    }

    @Test
    void aCategoryWithoutTextInEveryLanguageIsRefusedAndOnlyAdministratorsMayEdit() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        admin.open("/staff/admin/categories/other");
        assertThat(admin.post("/staff/admin/categories/other", form("Tjetër", "", "Other", "Anything else.")).body())
                .contains("Every language needs a name");

        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));
        assertThat(analyst.get("/staff/admin/categories").statusCode()).isEqualTo(403);
    }

    @Test
    void retentionAndDefaultRoutingAreKeptAndAWrongPeriodIsExplainedWithWhatWasTyped() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        assertThat(admin.open("/staff/admin/categories/fraud").body())
                .contains("value=\"90\"", "name=\"routing-POLICE\" id=\"routing-POLICE\" value=\"true\" checked");
        Map<String, String> form = form("Mashtrim", "Oferta të rreme.", "Fraud", "Fake offers.");
        form.put("retentionDays", "99999");
        form.put("routing-REGULATOR", "true");

        var refused = admin.post("/staff/admin/categories/fraud", form);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Error: Change a category", "Enter a number of days from 1 to 3650", "value=\"99999\"",
                "name=\"routing-REGULATOR\" id=\"routing-REGULATOR\" value=\"true\" checked");
        assertThat(jdbc.sql("SELECT retention_days FROM intake_category WHERE code = 'fraud'").query(Integer.class).single()).isEqualTo(90);

        form.put("retentionDays", " 30 ");
        assertThat(admin.post("/staff/admin/categories/fraud", form).statusCode()).isEqualTo(303);

        assertThat(jdbc.sql("SELECT retention_days FROM intake_category WHERE code = 'fraud'").query(Integer.class).single()).isEqualTo(30);
        assertThat(jdbc.sql("SELECT array_to_string(default_routing, ',') FROM intake_category WHERE code = 'fraud'").query(String.class).single())
                .isEqualTo("REGULATOR");
        assertThat(jdbc.sql("SELECT details->>'retentionDays' FROM audit_entry WHERE action = 'CATEGORY_CHANGED' AND object_id = 'fraud'")
                .query(String.class).single()).isEqualTo("30");
        assertThat(admin.open("/staff/admin/categories").body()).contains("30 days");
    }

    private static Map<String, String> form(String nameSq, String guidanceSq, String nameEn, String guidanceEn) {
        Map<String, String> form = new HashMap<>();
        form.put("name-sq", nameSq);
        form.put("guidance-sq", guidanceSq);
        form.put("name-en", nameEn);
        form.put("guidance-en", guidanceEn);
        form.put("requires", "ANYTHING");
        form.put("priority", "NORMAL");
        form.put("attachmentsAllowed", "true");
        form.put("active", "true");
        form.put("retentionDays", "90");
        return form;
    }
}
