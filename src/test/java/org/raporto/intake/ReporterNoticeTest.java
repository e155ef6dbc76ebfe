package org.raporto.intake;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raporto.shared.Language;
import org.raporto.testing.FreePorts;
import org.raporto.testing.LoopbackSmtp;
import org.raporto.tracing.CanonicalUrl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the hotline writes to a reporter who left an e-mail address, a notice that there is news reaches that
 * address through the outbox and a real SMTP server, and says nothing of the report.
 */
@SpringBootTest(properties = {"raporto.notification.delivery.interval=200ms", "logging.level.com.icegreen.greenmail=warn"})
@ExtendWith(OutputCaptureExtension.class)
class ReporterNoticeTest {

    private static final String ADDRESS = "mesuese.41af@example.org";
    private static final String DESCRIPTION = "Private description 41af";
    private static final String ANSWER = "We have passed it to the platform 41af";
    private static final int SMTP_PORT = FreePorts.loopback();

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT);
    }

    @Autowired
    ReportIntake intake;

    @Autowired
    FollowUp followUp;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aReporterWithAnEmailAddressIsToldThereIsNewsAndNothingElse(CapturedOutput output) throws Exception {
        Acknowledgement report = submit(new Contact(Contact.Kind.EMAIL, ADDRESS), Language.SQ);
        ReportId id = followUp.find(report.receiptIfNew().orElseThrow()).orElseThrow();

        followUp.answer(id, ANSWER);

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(ADDRESS);
        String mail = received[0].getSubject() + "\n" + GreenMailUtil.getBody(received[0]);
        assertThat(mail).as("Albanian, the report's language").contains("/sq/raporto/ndiq");
        assertThat(mail).doesNotContain(ANSWER, DESCRIPTION, report.reference(), "example.org/41af");
        assertThat(followUp.view(id).orElseThrow().messages()).extracting(FollowUp.Message::text).containsExactly(ANSWER);
        assertThat(output.getAll()).doesNotContain(ADDRESS, ANSWER, DESCRIPTION);
    }

    @Test
    void anonymousReportersAndThoseWhoGaveAPhoneNumberGetNoEmail() throws Exception {
        int queued = queued();
        for (Contact contact : new Contact[] {null, new Contact(Contact.Kind.PHONE, "+355 69 123 4567")}) {
            Acknowledgement report = submit(contact, Language.EN);
            followUp.answer(followUp.find(report.receiptIfNew().orElseThrow()).orElseThrow(), ANSWER);
        }

        assertThat(queued()).isEqualTo(queued);
        assertThat(smtp.waitForIncomingEmail(1_000, 1)).isFalse();
    }

    private Acknowledgement submit(Contact contact, Language language) {
        return intake.submit(new NewReport("other", List.of(new ReportedItem.Address(CanonicalUrl.parse("https://example.org/41af"))),
                DESCRIPTION, Happened.TODAY, AgeBand.FROM_13_TO_15, ReporterRole.TEACHER, contact), Channel.WEB, language, UUID.randomUUID());
    }

    private int queued() {
        return jdbc.sql("SELECT count(*) FROM notification_message").query(Integer.class).single();
    }
}
