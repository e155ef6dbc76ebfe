package org.raporto.identity;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.shared.crypto.Envelopes;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way in, over HTTP as a browser without JavaScript goes: the setup link from the log makes the first
 * administrator, who enrols an authenticator app (the test computes its codes), keeps the recovery codes, invites an
 * analyst; the analyst opens their account the same way and signs in; each sees what their role allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
// The first administrator is made once per database: this test needs one of its own.
@DirtiesContext
class StaffSignInTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en");

    @LocalServerPort
    int port;

    @Autowired
    FirstRunSetup setup;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Envelopes envelopes;

    @Test
    void setupInviteAndSignInWithASecondFactor(CapturedOutput output) throws Exception {
        FormClient admin = new FormClient(port, "/staff/login", ENGLISH);
        assertThat(admin.get("/staff/").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(admin.get("/staff/").headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/staff/login"));

        setup.offerSetup();
        String link = find("Open (http\\S+/staff/setup\\?token=\\S+) within 24 hours", output.getAll());
        String path = link.substring(link.indexOf("/staff/setup"));
        assertThat(admin.get(path).headers().firstValue("Location")).as("the token leaves the address").hasValue("/staff/setup");
        admin.open("/staff/setup");

        HttpResponse<String> weak = admin.post("/staff/setup", Map.of("name", "Arta Hoxha", "email", "arta@example.org", "language", "en",
                "password", "1qaz2wsx3edc", "confirmation", "1qaz2wsx3edc"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("Error: Set up Raporto", "one of the most common", "value=\"Arta Hoxha\"").doesNotContain("1qaz2wsx3edc");

        HttpResponse<String> made = admin.post("/staff/setup", Map.of("name", "Arta Hoxha", "email", "Arta@Example.org", "language", "en",
                "password", PASSWORD, "confirmation", PASSWORD));
        assertThat(made.headers().firstValue("Location")).hasValue("/staff/login/enrol");
        List<String> recoveryCodes = enrol(admin);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        assertThat(admin.get("/staff/login/recovery-codes").statusCode()).as("shown once").isEqualTo(303);
        assertThat(admin.get("/staff/").body()).contains("Welcome, Arta Hoxha", "Accounts");

        assertThat(admin.get(path).statusCode()).isEqualTo(303);
        assertThat(new FormClient(port, "/staff/login", ENGLISH).get("/staff/setup").body()).as("set up once")
                .contains("has been set up already");

        admin.open("/staff/admin/accounts");
        HttpResponse<String> invited = admin.post("/staff/admin/accounts", Map.of("name", "Besa Analiste", "email", "besa@example.org",
                "language", "sq", "role", "ANALYST"));
        assertThat(invited.statusCode()).isEqualTo(303);
        String invitation = find("id=\"invitation-link\">(http[^<]+)<", admin.get("/staff/admin/accounts").body()).replace("&amp;", "&");
        assertThat(admin.get("/staff/admin/accounts").body()).as("the link is shown once").doesNotContain(invitation);

        FormClient analyst = new FormClient(port, "/staff/login", ENGLISH);
        analyst.get(invitation.substring(invitation.indexOf("/staff/invitation")));
        assertThat(analyst.open("/staff/invitation").body()).contains("Besa Analiste", "besa@example.org");
        assertThat(analyst.post("/staff/invitation", Map.of("password", PASSWORD, "confirmation", PASSWORD)).statusCode()).isEqualTo(303);
        enrol(analyst);
        assertThat(analyst.get("/staff/").body()).as("in the account's language").contains("Mirë se erdhët, Besa Analiste");
        assertThat(analyst.get("/staff/admin/accounts").statusCode()).as("administration is for administrators").isEqualTo(403);

        // Signing in again: the code of the step used at enrolment is not taken twice; the next one is, once.
        analyst.post("/staff/logout", Map.of());
        analyst.open("/staff/login");
        assertThat(analyst.post("/staff/login", Map.of("email", "BESA@example.org ", "password", PASSWORD)).headers().firstValue("Location"))
                .hasValue("/staff/login/code");
        String used = Totp.code(secretOf("besa@example.org"), lastStep("besa@example.org"));
        assertThat(analyst.post("/staff/login/code", Map.of("code", used)).body()).contains("This code is not right, or has been used already");
        String next = Totp.code(secretOf("besa@example.org"), lastStep("besa@example.org") + 1);
        assertThat(analyst.post("/staff/login/code", Map.of("code", next)).headers().firstValue("Location")).hasValue("/staff/");

        // A recovery code instead of the app, once.
        admin.post("/staff/logout", Map.of());
        admin.open("/staff/login");
        admin.post("/staff/login", Map.of("email", "arta@example.org", "password", PASSWORD));
        assertThat(admin.post("/staff/login/code", Map.of("code", recoveryCodes.get(3).toLowerCase())).headers().firstValue("Location"))
                .hasValue("/staff/");

        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(recoveryCodes.get(3));

        // Everything above is in the audit log, whose chain the administrator verifies, and which shows a tampered row.
        admin.open("/staff/admin/audit");
        assertThat(admin.get("/staff/admin/audit").body()).contains("Setup completed", "Authenticator app enrolled", "Account invited",
                "Signed in", "Sign-in failed", "Recovery code used", "factor=recoveryCode");
        assertThat(admin.get("/staff/admin/audit?action=ACCOUNT_INVITED").body()).contains("Account invited").doesNotContain("Setup completed</td>");
        admin.post("/staff/admin/audit/verify", Map.of());
        assertThat(admin.get("/staff/admin/audit").body()).contains("The chain is intact");
        long tampered = jdbc.sql("SELECT min(seq) FROM audit_entry WHERE action = 'ACCOUNT_INVITED'").query(Long.class).single();
        jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
        jdbc.sql("UPDATE audit_entry SET details = '{\"roles\": \"ADMIN\", \"csamClearance\": \"true\"}' WHERE seq = ?").param(tampered).update();
        jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
        admin.post("/staff/admin/audit/verify", Map.of());
        assertThat(admin.get("/staff/admin/audit").body()).contains("The chain is broken at entry " + tampered + ": an entry was changed");
        assertThat(analyst.get("/staff/admin/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordsAnswerTheSameForKnownAndUnknownAddressesAndSlowDown() throws Exception {
        FormClient someone = new FormClient(port, "/staff/login", ENGLISH);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = someone.post("/staff/login", Map.of("email", "nobody@example.org", "password", "wrong password " + i));
            assertThat(answer.body()).contains("The e-mail address or the password is not right", "value=\"nobody@example.org\"");
        }
        assertThat(someone.post("/staff/login", Map.of("email", "nobody@example.org", "password", "again")).body())
                .contains("Wait one minute");
    }

    /** Opens the enrolment page, reads the key as a person types it into an app, and confirms with the app's code. */
    private List<String> enrol(FormClient client) throws Exception {
        String page = client.open("/staff/login/enrol").body();
        assertThat(page).contains("<svg", "role=\"img\"");
        byte[] secret = Base32.decode(find("id=\"secret\">([A-Z2-7 ]+)<", page));
        String code = Totp.code(secret, Totp.step(clock.instant()));
        assertThat(client.post("/staff/login/enrol", Map.of("code", code)).headers().firstValue("Location")).hasValue("/staff/login/recovery-codes");
        String codesPage = client.get("/staff/login/recovery-codes").body();
        List<String> codes = new ArrayList<>();
        Matcher matcher = Pattern.compile("<code>([0-9A-Z]{5}-[0-9A-Z]{5})</code>").matcher(codesPage);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        assertThat(client.post("/staff/login/recovery-codes", Map.of()).headers().firstValue("Location")).hasValue("/staff/");
        return codes;
    }

    private byte[] secretOf(String email) {
        return jdbc.sql("SELECT data_key, totp_secret FROM identity_account WHERE email = ?").param(email)
                .query((row, n) -> envelopes.open(row.getBytes(1)).open("totp-secret", row.getBytes(2))).single();
    }

    private long lastStep(String email) {
        return jdbc.sql("SELECT totp_last_step FROM identity_account WHERE email = ?").param(email).query(Long.class).single();
    }

    private static String find(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }
}
