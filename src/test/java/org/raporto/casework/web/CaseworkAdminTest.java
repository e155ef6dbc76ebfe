package org.raporto.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.shared.Language;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators set deadlines, four eyes and holidays; open reports' deadlines follow; bad input is explained. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The targets, rules and holidays changed here are seen by every test sharing the database.
@DirtiesContext
class CaseworkAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ReportIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void targetsAndFourEyesAreSavedAuditedAndMoveTheDeadlinesOfOpenReports() throws Exception {
        String reference = intake.submit(new NewReport("fraud", List.of(new ReportedItem.Address(CanonicalUrl.parse("https://admin-sla.example/1"))),
                "x", Happened.TODAY, AgeBand.UNKNOWN, ReporterRole.OTHER, null, List.of()), Channel.WEB, Language.SQ, UUID.randomUUID()).reference();
        Instant before = due(reference);
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        String page = admin.open("/staff/admin/casework").body();
        assertThat(page).contains("Fraud targeting children", "name=\"firstLookDays-fraud\" id=\"firstLookDays-fraud\" value=\"1\"");

        Map<String, String> form = current(admin);
        form.put("firstLookDays-fraud", "5");
        form.put("assessmentDays-fraud", "6");
        form.put("fourEyes-fraud", "true");
        assertThat(admin.post("/staff/admin/casework", form).statusCode()).isEqualTo(302);

        assertThat(due(reference)).isAfter(before);
        assertThat(jdbc.sql("SELECT four_eyes FROM casework_category_rule WHERE category_code = 'fraud'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'SLA_TARGET_CHANGED' AND object_id = 'fraud'").query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'SETTING_CHANGED' AND object_id = 'fraud'").query(Integer.class).single()).isOne();
        assertThat(admin.open("/staff/admin/casework?saved=1").body()).contains("The targets were saved.");
    }

    @Test
    void wrongTargetsAreExplainedWithWhatWasTypedAndNothingIsSaved() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        admin.open("/staff/admin/casework");
        Map<String, String> form = current(admin);
        form.put("firstLookDays-other", "abc");
        form.put("firstLookHours-grooming", "-1");
        form.put("assessmentDays-hate-speech", "0");
        form.put("assessmentHours-hate-speech", "1");
        form.put("firstLookDays-hate-speech", "3");

        var refused = admin.post("/staff/admin/casework", form);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Error: Casework rules", "Write 0 to 365 working days", "cannot be due sooner than the first look",
                "value=\"abc\"", "value=\"-1\"");
        assertThat(jdbc.sql("SELECT first_look_days FROM casework_sla_target WHERE category_code = 'hate-speech'").query(Integer.class).optional())
                .isNotEqualTo(java.util.Optional.of(3));
        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));
        assertThat(analyst.get("/staff/admin/casework").statusCode()).isEqualTo(403);
    }

    @Test
    void holidaysAreAddedOnceAndRemovedAndBadDatesAreExplained() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        assertThat(admin.open("/staff/admin/holidays?year=2026").body()).contains("Dita e Flamurit dhe e Pavarësisë", "2026-11-30");
        assertThat(admin.post("/staff/admin/holidays", Map.of("day", "2030-02-31", "nameSq", "x", "nameEn", "x")).body())
                .contains("Write the date as year-month-day", "value=\"2030-02-31\"");
        assertThat(admin.post("/staff/admin/holidays", Map.of("day", "2030-06-03", "nameSq", "", "nameEn", "Test day")).body())
                .contains("Each language needs a name");
        assertThat(admin.post("/staff/admin/holidays", Map.of("day", "2030-06-03", "nameSq", "Dita e provës", "nameEn", "Test day")).statusCode()).isEqualTo(302);
        assertThat(admin.post("/staff/admin/holidays", Map.of("day", "2030-06-03", "nameSq", "Sërish", "nameEn", "Again")).body())
                .contains("This day is already in the list");
        assertThat(admin.open("/staff/admin/holidays?year=2030").body()).contains("Dita e provës", "Test day");
        assertThat(admin.post("/staff/admin/holidays/2030-06-03/remove", Map.of()).statusCode()).isEqualTo(302);
        assertThat(admin.post("/staff/admin/holidays/not-a-day/remove", Map.of()).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM casework_holiday WHERE day = ?").param(LocalDate.parse("2030-06-03")).query(Integer.class).single()).isZero();
        assertThat(admin.get("/staff/admin/holidays?year=99999").statusCode()).isEqualTo(200);
    }

    private Map<String, String> current(FormClient admin) throws Exception {
        String page = admin.open("/staff/admin/casework").body();
        Map<String, String> form = new HashMap<>();
        var field = java.util.regex.Pattern.compile("name=\"((?:firstLook|assessment)(?:Days|Hours)-[a-z-]+)\" id=\"[^\"]+\" value=\"([^\"]*)\"").matcher(page);
        while (field.find()) {
            form.put(field.group(1), field.group(2));
        }
        return form;
    }

    private Instant due(String reference) {
        return jdbc.sql("SELECT first_look_due FROM casework_case WHERE reference = ?").param(reference).query(java.sql.Timestamp.class).single().toInstant();
    }
}
