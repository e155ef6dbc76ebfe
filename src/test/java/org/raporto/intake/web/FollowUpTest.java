package org.raporto.intake.web;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.intake.Acknowledgement;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.FollowUp;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReporterReplied;
import org.raporto.intake.ReporterRole;
import org.raporto.shared.Language;
import org.raporto.shared.image.TestImages;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** Coming back with the receipt: over HTTP, with mistakes, guesses and replies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class FollowUpTest {

    private static final String PAGE = "/en/raporto/follow-up";

    @LocalServerPort
    int port;

    @Autowired
    ReportIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FollowUp followUp;

    @Autowired
    ApplicationEvents events;

    private FormClient form;
    private Acknowledgement report;

    @BeforeEach
    void aReportWasMade() throws Exception {
        report = intake.submit(new NewReport("other", List.of(), "Something happened 51c3", Happened.TODAY, AgeBand.UNKNOWN,
                ReporterRole.CHILD, null), Channel.WEB, Language.EN, UUID.randomUUID());
        form = new FormClient(port, PAGE);
    }

    @Test
    void theReceiptOpensTheReportWhoseStatusAndMessagesAreShown(CapturedOutput output) throws Exception {
        String receipt = report.receiptIfNew().orElseThrow().formatted();
        String sessionBefore = sessionCookie();
        HttpResponse<String> opened = post(Map.of("action", "open", "receipt", receipt));
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(sessionCookie()).as("a session that can read a report has a new id").isNotEqualTo(sessionBefore);
        assertThat(opened.headers().firstValue("Location")).hasValue(PAGE);
        assertThat(get().body()).contains(report.reference(), "Received", "No messages yet.");

        assertThat(post(Map.of("action", "reply", "message", "  More details 51c3  ")).statusCode()).isEqualTo(303);
        assertThat(get().body()).contains("More details 51c3", "Your message was sent.");
        assertThat(get().body()).as("said once").doesNotContain("Your message was sent.");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_message").query(Integer.class).single()).isPositive();
        assertThat(new String(jdbc.sql("SELECT body FROM intake_message ORDER BY sent_at DESC LIMIT 1").query(byte[].class).single(),
                StandardCharsets.ISO_8859_1)).doesNotContain("51c3");

        assertThat(post(Map.of("action", "leave")).statusCode()).isEqualTo(303);
        assertThat(get().body()).doesNotContain(report.reference()).contains("Report code");
        assertThat(output.getAll()).doesNotContain(receipt, receipt.replace("-", ""), "51c3");
    }

    @Test
    void aReplyPublishesReporterRepliedWithoutItsText() {
        var id = followUp.find(report.receiptIfNew().orElseThrow()).orElseThrow();
        followUp.reply(id, "Text that stays private 51c3");
        assertThat(events.stream(ReporterReplied.class)).singleElement().satisfies(event -> {
            assertThat(event.reference()).isEqualTo(report.reference());
            assertThat(event.toString()).doesNotContain("51c3");
        });
        assertThat(followUp.view(id).orElseThrow().messages()).extracting(FollowUp.Message::text).containsExactly("Text that stays private 51c3");
    }

    @Test
    void aMistypedReceiptIsCaughtAndKeptForCorrection() throws Exception {
        String receipt = report.receiptIfNew().orElseThrow().value();
        char last = receipt.charAt(16);
        String mistyped = receipt.substring(0, 16) + (last == 'A' ? 'B' : 'A');
        HttpResponse<String> answer = post(Map.of("action", "open", "receipt", mistyped));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<title>Error: Follow your report", "does not look right", "value=\"" + mistyped + "\"");
    }

    @Test
    void aWellFormedButUnknownReceiptFindsNothing() throws Exception {
        String unknown = org.raporto.intake.Receipt.generate(new java.security.SecureRandom()).formatted();
        HttpResponse<String> answer = post(Map.of("action", "open", "receipt", unknown));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("We found no report with this code").doesNotContain(report.reference());
    }

    @Test
    void hostileInputIsAnsweredWithoutAServerError() throws Exception {
        for (String value : new String[] {"<script>alert(1)</script>", "x".repeat(100_000), "' OR 1=1 --", "\u0000", "\uD83D\uDE00"}) {
            HttpResponse<String> open = post(Map.of("action", "open", "receipt", value));
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.body()).doesNotContain("<script>alert(1)</script>");
            assertThat(post(Map.of("action", "reply", "message", value)).statusCode()).as("reply without an open report").isEqualTo(303);
            assertThat(post(Map.of("action", "<nope>", "receipt", value)).statusCode()).isEqualTo(200);
        }
        post(Map.of("action", "open", "receipt", report.receiptIfNew().orElseThrow().formatted()));
        HttpResponse<String> tooLong = post(Map.of("action", "reply", "message", "y".repeat(6000)));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("up to 5,000 characters");
        assertThat(post(Map.of("action", "reply", "message", "   ")).body()).contains("Write the message.");
    }

    @Test
    void aScreenshotCanBeSentWithAMessageWhereTheCategoryTakesThem() throws Exception {
        post(Map.of("action", "open", "receipt", report.receiptIfNew().orElseThrow().formatted()));
        assertThat(get().body()).contains("type=\"file\"", "enctype=\"multipart/form-data\"");

        HttpResponse<String> refused = form.postWithFiles(Map.of("action", "reply", "message", "Look 51c3"),
                List.of(FormClient.Upload.screenshot("notes.txt", "plain text".getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("notes.txt is not a JPEG, PNG or WebP image", "Look 51c3");

        HttpResponse<String> sent = form.postWithFiles(Map.of("action", "reply", "message", ""),
                List.of(FormClient.Upload.screenshot("chat.png", TestImages.png(30, 30, Color.RED))));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(get().body()).contains("1 screenshot attached");
        assertThat(jdbc.sql("SELECT count(*) FROM intake_attachment a JOIN intake_report r ON r.id = a.report_id WHERE r.reference = ? AND a.message_id IS NOT NULL")
                .param(report.reference()).query(Integer.class).single()).isOne();
    }

    @Test
    void aMessageTooLongForAFormWithAScreenshotIsRefusedWithAPage(CapturedOutput output) throws Exception {
        // Found by the fuzz tests: Tomcat refuses the text fields of a multipart form over 256 KB with an exception: a 500.
        post(Map.of("action", "open", "receipt", report.receiptIfNew().orElseThrow().formatted()));

        HttpResponse<String> answer = form.postWithFiles(Map.of("action", "reply", "message", "A long chat 51c3 ".repeat(20_000)),
                List.of(FormClient.Upload.screenshot("chat.png", TestImages.png(30, 30, Color.RED))));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("<html lang=\"en\"", "The request could not be processed").doesNotContain("Exception");
        assertThat(get().body()).as("the report is still open").contains(report.reference());
        assertThat(output.getAll()).doesNotContain(" ERROR ", "51c3");
    }

    @Test
    void noScreenshotIsTakenWithMessagesAboutChildSexualAbuse() throws Exception {
        Acknowledgement csam = intake.submit(new NewReport("csam", List.of(new org.raporto.intake.ReportedItem.Address(
                org.raporto.tracing.CanonicalUrl.parse("https://example.org/x"))), "", Happened.TODAY, AgeBand.UNKNOWN, ReporterRole.OTHER, null),
                Channel.WEB, Language.EN, UUID.randomUUID());
        post(Map.of("action", "open", "receipt", csam.receiptIfNew().orElseThrow().formatted()));
        assertThat(get().body()).doesNotContain("type=\"file\"");

        HttpResponse<String> sent = form.postWithFiles(Map.of("action", "reply", "message", "More"),
                List.of(FormClient.Upload.screenshot("x.png", TestImages.png(30, 30, Color.RED))));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_attachment a JOIN intake_report r ON r.id = a.report_id WHERE r.reference = ?")
                .param(csam.reference()).query(Integer.class).single()).isZero();
    }

    private String sessionCookie() {
        return form.cookie("RAPORTO_SESSION");
    }

    private HttpResponse<String> get() throws Exception {
        return form.get(PAGE);
    }

    private HttpResponse<String> post(Map<String, String> fields) throws Exception {
        return form.post(fields);
    }
}
