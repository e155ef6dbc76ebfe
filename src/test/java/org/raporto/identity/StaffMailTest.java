package org.raporto.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raporto.audit.Actor;
import org.raporto.shared.Language;
import org.raporto.testing.FreePorts;
import org.raporto.testing.LoopbackSmtp;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations and password reset links reach their owners by e-mail through the outbox and a real SMTP server, in the
 * account's language; the link works; its token is sealed while it waits and gone once sent, and never logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"raporto.notification.delivery.interval=200ms", "logging.level.com.icegreen.greenmail=warn"})
@ExtendWith(OutputCaptureExtension.class)
class StaffMailTest {

    private static final int SMTP_PORT = FreePorts.loopback();

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void anInvitationIsEmailedInTheAccountsLanguageAndItsLinkOpensTheInvitation(CapturedOutput output) throws Exception {
        String email = "ftuar." + UUID.randomUUID() + "@example.org";
        String token = accounts.invite(new StaffAccounts.NewAccount("Besa Ftuar", email, Language.SQ, EnumSet.of(Role.ANALYST), null, false),
                Actor.system());
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE kind = 'STAFF_INVITATION' AND position(? IN encode(link, 'escape')) > 0")
                .param(token).query(Integer.class).single()).as("the token waits sealed").isZero();

        String mail = received(email, "/staff/invitation");

        assertThat(mail).contains("ftesa juaj", "/staff/invitation?token=" + token).doesNotContain("116 111");
        String link = find("(http://[^\\s]+/staff/invitation\\?token=[A-Za-z0-9_-]+)", mail);
        String path = link.substring(link.indexOf("/staff/invitation"));
        FormClient invited = new FormClient(port, "/staff/login");
        String opened = invited.get(path).headers().firstValue("Location").orElseThrow();
        assertThat(invited.get(opened).body()).contains("Besa Ftuar");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE kind = 'STAFF_INVITATION' AND status = 'SENT' AND link IS NULL")
                .query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE status IN ('SENT', 'DEAD') AND link IS NOT NULL")
                .query(Integer.class).single()).isZero();
        assertThat(output.getAll()).doesNotContain(token, email);
    }

    @Test
    void aPasswordResetLinkMadeByAnAdministratorIsEmailedInEnglishToAnEnglishAccount() throws Exception {
        TestStaff.Account account = TestStaff.active(accounts, EnumSet.of(Role.EDITOR), Language.EN, false);
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        admin.open("/staff/admin/accounts/" + account.id());

        admin.post("/staff/admin/accounts/" + account.id() + "/reset", Map.of());
        String shown = admin.get("/staff/admin/accounts").body();

        String token = find("/staff/reset\\?token=([A-Za-z0-9_-]+)", shown);
        String mail = received(account.email(), "/staff/reset");
        assertThat(mail).contains("choose a new password", "/staff/reset?token=" + token);
    }

    /** The first message to this address that links to this page; the account's invitation may come too, in any order. */
    private String received(String to, String page) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String text = message.getSubject() + "\n" + message.getContent();
                if (message.getAllRecipients()[0].toString().equals(to) && text.contains(page + "?token=")) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No e-mail reached " + to);
    }

    private static String find(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }
}
