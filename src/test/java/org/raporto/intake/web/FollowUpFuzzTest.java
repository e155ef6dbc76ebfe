package org.raporto.intake.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raporto.fuzz.Fuzz;
import org.raporto.fuzz.Gen;
import org.raporto.fuzz.Hostile;
import org.raporto.fuzz.HostileFiles;
import org.raporto.fuzz.Multipart;
import org.raporto.intake.Acknowledgement;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.web.FuzzChecks.Rows;
import org.raporto.shared.Language;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up page against hostile receipts, messages and files, as browsers without JavaScript send them: no
 * server error, no hostile markup shown as markup, a refused message shown again, and a message stored only when
 * the page says it was sent, with a screenshot only where one was taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class FollowUpFuzzTest {

    private static final String KEPT = "kept";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportIntake intake;

    @Test
    void receiptsRepliesAndScreenshotsOfEveryKindStoreOnlyTheMessagesThePageConfirms(CapturedOutput output) throws Exception {
        // One report takes screenshots with messages, one (child sexual abuse material) never does.
        List<String> receipts = List.of(receipt(report("other", List.of())),
                receipt(report("csam", List.of(new ReportedItem.Address(CanonicalUrl.parse("https://example.org/x"))))));
        Rows before = FuzzChecks.rows(jdbc);
        List<FormClient> readers = List.of(new FormClient(port, "/en/raporto/follow-up"), new FormClient(port, "/sq/raporto/ndiq"));
        int[] sent = {0};
        int[] attached = {0};

        Map<String, Integer> outcomes = Fuzz.check("follow-up", 400, (fuzz, random) -> {
            FormClient reader = Gen.oneOf(readers).next(random);
            int kind = random.nextInt(100);
            String typed = null;
            boolean mayAttach = false;
            HttpResponse<String> answer;
            if (kind < 35) {
                String receipt = random.nextInt(100) < 30 ? retyped(Gen.oneOf(receipts).next(random), random) : Hostile.text().next(random);
                answer = reader.post(Map.of("action", "open", "receipt", fuzz.input("receipt", receipt)));
            }
            else if (kind < 70) {
                typed = message(random);
                answer = reader.post(Map.of("action", "reply", "message", fuzz.input("message", typed)));
            }
            else if (kind < 93) {
                typed = message(random);
                HostileFiles.File file = HostileFiles.file().next(random);
                Multipart form = new Multipart("----fuzz" + Long.toHexString(random.nextLong()))
                        .field("_csrf", reader.csrf()).field("action", "reply").field("message", fuzz.input("message", typed))
                        .file("screenshot", fuzz.input("file name", Hostile.fileName().next(random)), file.contentType(), fuzz.input(file.kind(), file.content()));
                mayAttach = file.mayBeTaken();
                answer = reader.postRaw(form.contentType(), form.build(true));
            }
            else if (kind < 96) {
                answer = reader.post(Map.of("action", "leave"));
            }
            else {
                answer = reader.post(Map.of("action", fuzz.input("action", Hostile.text().next(random)), "receipt", Hostile.text().next(random)));
            }
            fuzz.noted(String.valueOf(answer.statusCode()));
            FuzzChecks.page(answer);

            HttpResponse<String> page = answer;
            if (answer.statusCode() == 303) {
                page = reader.get(answer.headers().firstValue("Location").orElseThrow());
                FuzzChecks.page(page);
            }
            if (answer.statusCode() == 403 || kind >= 93 && kind < 96) {
                // A session ended (leaving ends it): its form token went with it.
                reader.refresh();
            }
            boolean confirmed = page.statusCode() == 200 && page.body().contains("class=\"notice\"");
            if (confirmed) {
                fuzz.noted("message sent");
                sent[0]++;
            }
            if (typed != null && typed.startsWith(KEPT) && answer.statusCode() == 200 && page.body().contains("class=\"error-summary\"")
                    && page.body().contains("name=\"message\"")) {
                assertThat(page.body()).as("the message refused, shown again").contains(typed.substring(0, typed.indexOf(' ')));
            }
            Rows now = FuzzChecks.rows(jdbc);
            int newAttachments = now.attachments() - before.attachments() - attached[0];
            assertThat(newAttachments).as("screenshots kept").isBetween(0, confirmed && mayAttach ? 1 : 0);
            attached[0] += newAttachments;
            assertThat(now).as("stored: the messages the page confirmed").isEqualTo(before.plus(0, sent[0], attached[0], 0));
        });

        assertThat(outcomes).as("reports opened, messages sent and refused").containsKeys("200", "303", "message sent");
        FuzzChecks.quietLog(output);
    }

    private Acknowledgement report(String category, List<ReportedItem> items) {
        return intake.submit(new NewReport(category, items, "Followed by the fuzz test", Happened.TODAY, AgeBand.UNKNOWN, ReporterRole.OTHER, null),
                Channel.WEB, Language.EN, UUID.randomUUID());
    }

    private static String receipt(Acknowledgement acknowledgement) {
        return acknowledgement.receiptIfNew().orElseThrow().formatted();
    }

    /** The receipt as people type it: other case, without hyphens, with spaces, O for 0. */
    private static String retyped(String receipt, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> receipt.toLowerCase(Locale.ROOT);
            case 1 -> receipt.replace("-", "");
            case 2 -> " " + receipt.replace("-", " ") + "\t";
            default -> receipt.replace('0', 'O');
        };
    }

    /** A message: hostile, good or empty, and now and then marked, to be found again when it is refused. */
    private static String message(Random random) {
        String message = Gen.oneOf("More details about the report.", "", " ").orElse(30, Hostile.text()).next(random);
        return random.nextBoolean() ? KEPT + random.nextInt(1_000_000) + " " + message : message;
    }
}
