package org.raporto.intake.web;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.identity.Role;
import org.raporto.identity.StaffAccounts;
import org.raporto.identity.TestStaff;
import org.raporto.intake.FollowUp;
import org.raporto.intake.Receipt;
import org.raporto.intake.ReportId;
import org.raporto.shared.image.TestImages;
import org.raporto.web.FormClient;
import org.raporto.web.FormClient.Upload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole report and its follow-up, as a reporter behind a proxy makes them, and then a look at everything Raporto
 * kept: the database, table by table, and the log. Neither holds the reporter's address or browser; the log holds
 * none of what they wrote, their receipt, their e-mail address or their file's name; the database holds what they
 * wrote only sealed. An analyst's view of the report, a staff note and an answer leave no more behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PrivacyTest {

    private static final String ADDRESS = "203.0.113.77";
    private static final String BROWSER = "Mozilla/5.0 (Linux; Android 8) Canary-Browser-5e1c";
    private static final String DESCRIPTION = "Description only the hotline reads 5e1c";
    private static final String ACCOUNT = "@account-5e1c";
    private static final String EMAIL = "reporter.5e1c@example.org";
    private static final String REPLY = "A later message 5e1c";
    private static final String ANSWER = "The hotline answers 5e1c";
    private static final String FILE_NAME = "IMG_5e1c_home.jpg";
    private static final String CAMERA = "CanaryCam 5e1c";
    private static final String NOTE = "A staff note 5e1c";
    private static final String STAFF_ANSWER = "The analyst answers 5e1c";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FollowUp followUp;

    @Autowired
    StaffAccounts accounts;

    @Test
    void nothingIdentifiesTheReporterAndNothingTheyWroteIsKeptInClear(CapturedOutput output) throws Exception {
        Map<String, String> browser = Map.of("User-Agent", BROWSER, "X-Forwarded-For", ADDRESS);
        FormClient form = new FormClient(port, "/en/raporto/form", browser);
        form.post(Map.of("step", "CATEGORY", "category", "cyberbullying"));
        form.post(Map.of("step", "WHERE", "urls", "https://example.org/5e1c?utm_source=x", "platform", "INSTAGRAM", "account", ACCOUNT));
        form.post(Map.of("step", "WHAT", "description", DESCRIPTION, "happened", "TODAY", "childAge", "FROM_13_TO_15"));
        byte[] photo = TestImages.withExif(TestImages.jpeg(64, 48, Color.PINK), 1, CAMERA);
        form.postWithFiles(Map.of("step", "SCREENSHOTS", "action", "next"), List.of(new Upload("screenshot", FILE_NAME, "image/jpeg", photo)));
        form.post(Map.of("step", "ABOUT_YOU", "reporterRole", "CHILD", "contactChoice", "EMAIL", "email", EMAIL, "consent", "yes"));
        assertThat(form.post(Map.of("step", "CHECK", "action", "send")).statusCode()).isEqualTo(303);
        String receipt = find("id=\"receipt-code\">([^<]+)<", form.get("/en/raporto/form").body());

        FormClient later = new FormClient(port, "/en/raporto/follow-up", browser);
        later.post(Map.of("action", "open", "receipt", receipt));
        assertThat(later.post(Map.of("action", "reply", "message", REPLY)).statusCode()).isEqualTo(303);
        ReportId report = followUp.find(Receipt.parse(receipt).orElseThrow()).orElseThrow();
        followUp.answer(report, ANSWER);
        // An analyst opens the report, its screenshot, writes a note and answers: none of it may leak either.
        FormClient analyst = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ANALYST));
        String page = "/staff/cases/" + report.value();
        assertThat(analyst.open(page).body()).contains(DESCRIPTION);
        assertThat(analyst.post(page + "/notes", Map.of("text", NOTE)).statusCode()).isEqualTo(303);
        assertThat(analyst.post(page + "/reply", Map.of("text", STAFF_ANSWER)).statusCode()).isEqualTo(303);
        String screenshot = find("src=\"(" + page + "/screenshots/[^\"]+)\"", analyst.open(page).body());
        assertThat(analyst.get(screenshot).statusCode()).isEqualTo(200);

        String database = everythingInTheDatabase();
        assertThat(database).doesNotContain(ADDRESS, BROWSER, "Canary-Browser");
        for (String secret : List.of(DESCRIPTION, ACCOUNT, EMAIL, REPLY, ANSWER, NOTE, STAFF_ANSWER, FILE_NAME, CAMERA, receipt, receipt.replace("-", ""))) {
            assertThat(database).as(secret).doesNotContain(secret).doesNotContain(hex(secret));
        }
        String log = output.getAll();
        for (String secret : List.of(ADDRESS, BROWSER, DESCRIPTION, ACCOUNT, EMAIL, REPLY, ANSWER, NOTE, STAFF_ANSWER, FILE_NAME, CAMERA, receipt,
                receipt.replace("-", ""))) {
            assertThat(log).as(secret).doesNotContain(secret);
        }
    }

    /** Every row of every table as text; bytea columns come out as hex. */
    private String everythingInTheDatabase() {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").query(String.class).list()) {
            jdbc.sql("SELECT t::text FROM \"" + table + "\" t").query(String.class).list().forEach(all::append);
        }
        return all.toString();
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String find(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }
}
