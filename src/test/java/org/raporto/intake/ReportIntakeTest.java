package org.raporto.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.shared.Language;
import org.raporto.shared.crypto.LookupHashes;
import org.raporto.tracing.CanonicalUrl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@RecordApplicationEvents
class ReportIntakeTest {

    private static final String DESCRIPTION = "Një burrë i shkruan vajzës sime 12-vjeçare çdo natë — tekst sekret 4f9c";
    private static final String EMAIL = "prind.4f9c@example.org";

    @Autowired
    ReportIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LookupHashes hashes;

    @Autowired
    ApplicationEvents events;

    @Test
    void storesTheReportWithAReferenceAndAReceiptKeptOnlyAsAHash() {
        Acknowledgement acknowledgement = submit(groomingReport(), UUID.randomUUID());

        assertThat(acknowledgement.reference()).matches("R-\\d{4}-\\d{6}");
        Receipt receipt = acknowledgement.receiptIfNew().orElseThrow();
        Map<String, Object> row = jdbc.sql("SELECT * FROM intake_report WHERE reference = ?").param(acknowledgement.reference()).query().singleRow();
        assertThat(row).containsEntry("category_code", "grooming").containsEntry("priority", "URGENT").containsEntry("status", "RECEIVED")
                .containsEntry("channel", "WEB").containsEntry("language", "sq");
        assertThat((byte[]) row.get("receipt_hash")).isEqualTo(hashes.of(ReportIntake.RECEIPT_PURPOSE, receipt.value()));
        assertThat(jdbc.sql("SELECT count(*) FROM intake_report_item i JOIN intake_report r ON r.id = i.report_id WHERE r.reference = ?")
                .param(acknowledgement.reference()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void nothingTheReporterWroteIsInTheDatabaseInClear() {
        Acknowledgement acknowledgement = submit(groomingReport(), UUID.randomUUID());
        String receipt = acknowledgement.receiptIfNew().orElseThrow().value();

        String stored = everythingIn("intake_report") + everythingIn("intake_report_item");
        for (String secret : List.of("4f9c", "vajzës", "prind", receipt, "luli_2014", "Example.com")) {
            assertThat(stored).as(secret).doesNotContain(new String(utf8(secret), StandardCharsets.ISO_8859_1));
        }
        assertThat(stored).contains("https://example.com/chat/123");
    }

    @Test
    void publishesReportSubmittedWithoutAnythingTheReporterWrote() {
        Acknowledgement acknowledgement = submit(groomingReport(), UUID.randomUUID());
        assertThat(events.stream(ReportSubmitted.class)).singleElement().satisfies(event -> {
            assertThat(event.reference()).isEqualTo(acknowledgement.reference());
            assertThat(event.category()).isEqualTo("grooming");
            assertThat(event.toString()).doesNotContain("4f9c");
        });
    }

    @Test
    void theSameSubmissionTwiceIsOneReport() {
        UUID token = UUID.randomUUID();
        Acknowledgement first = submit(groomingReport(), token);
        Acknowledgement again = submit(groomingReport(), token);
        assertThat(again.reference()).isEqualTo(first.reference());
        assertThat(again.receiptIfNew()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM intake_report WHERE submission_token = ?").param(token).query(Integer.class).single()).isOne();
    }

    @Test
    void abuseImagesCannotBeReportedWithoutAnAddress() {
        NewReport withoutAddress = new NewReport("csam", List.of(new ReportedItem.Account(Platform.TELEGRAM, "someone")),
                "I saw it", Happened.TODAY, AgeBand.UNDER_13, ReporterRole.OTHER, null);
        int before = count();
        assertThatThrownBy(() -> submit(withoutAddress, UUID.randomUUID()))
                .isInstanceOfSatisfying(ReportRefused.class, refused -> assertThat(refused.violations()).containsExactly(ReportRules.Violation.ADDRESS_REQUIRED));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anEmptyReportAndAnUnknownCategoryAreRefused() {
        NewReport empty = new NewReport("cyberbullying", List.of(), "   ", Happened.UNKNOWN, AgeBand.UNKNOWN, ReporterRole.CHILD, null);
        assertThatThrownBy(() -> submit(empty, UUID.randomUUID()))
                .isInstanceOfSatisfying(ReportRefused.class, refused -> assertThat(refused.violations()).containsExactly(ReportRules.Violation.SOMETHING_REQUIRED));
        NewReport unknown = new NewReport("'; DROP TABLE intake_report; --", List.of(), "x", Happened.UNKNOWN, AgeBand.UNKNOWN, ReporterRole.CHILD, null);
        assertThatThrownBy(() -> submit(unknown, UUID.randomUUID()))
                .isInstanceOfSatisfying(ReportRefused.class, refused -> assertThat(refused.violations()).containsExactly(ReportRules.Violation.UNKNOWN_CATEGORY));
    }

    private Acknowledgement submit(NewReport report, UUID token) {
        return intake.submit(report, Channel.WEB, Language.SQ, token);
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM intake_report").query(Integer.class).single();
    }

    private static NewReport groomingReport() {
        return new NewReport("grooming",
                List.of(new ReportedItem.Address(CanonicalUrl.parse("https://Example.com/chat/123?utm_source=4f9c")),
                        new ReportedItem.Account(Platform.INSTAGRAM, "luli_2014")),
                DESCRIPTION, Happened.THIS_WEEK, AgeBand.UNDER_13, ReporterRole.PARENT, new Contact(Contact.Kind.EMAIL, EMAIL));
    }

    /** Every value of every row, byte columns as raw bytes (ISO-8859-1 keeps each byte one character). */
    private String everythingIn(String table) {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
            for (Object value : row.values()) {
                all.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value)).append('|');
            }
        }
        return all.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
