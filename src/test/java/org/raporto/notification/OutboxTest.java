package org.raporto.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raporto.shared.Language;
import org.raporto.testing.FreePorts;
import org.raporto.testing.LoopbackSmtp;
import org.raporto.testing.MondayMorning;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox against a real SMTP server (GreenMail on loopback) and the embedded PostgreSQL. The scheduler is off:
 * each test runs the delivery rounds itself, and moves the clock instead of waiting.
 */
// GreenMail logs every address it opens a mailbox for; what must never log one is Raporto.
@SpringBootTest(properties = {"raporto.notification.delivery.enabled=false", "logging.level.com.icegreen.greenmail=warn"})
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
@Import(MondayMorning.class)
class OutboxTest {

    private static final String ADDRESS = "prind.7d3e@example.org";
    private static final int SMTP_PORT = FreePorts.loopback();

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT);
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Delivery delivery;

    @Autowired
    NotificationProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void emptyOutboxAndMailboxes() throws Exception {
        jdbc.sql("DELETE FROM notification_message").update();
        if (!smtp.isRunning()) {
            smtp.start();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void theSchedulerIsOffWhenDeliveryIsDisabled(@Autowired ObjectProvider<NotificationConfiguration.DeliverySchedule> schedule) {
        assertThat(schedule.getIfAvailable()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SQ | Raporto: ka të reja për raportin tuaj    | Përshëndetje, | http://localhost:8080/sq/raporto/ndiq
            EN | Raporto: there is news about your report | Hello,        | http://localhost:8080/en/raporto/follow-up
            """)
    void aNoticeIsSentOnceInItsLanguageWithTheFollowUpLinkAndNothingAboutTheReport(Language language, String subject,
            String greeting, String link) throws Exception {
        UUID id = enqueue(new Notice(ADDRESS, language, NoticeKind.REPORT_NEWS));
        assertThat(smtp.getReceivedMessages()).as("nothing is sent in the caller's transaction").isEmpty();

        assertThat(delivery.deliverDue()).isOne();
        assertThat(delivery.deliverDue()).as("a second round finds nothing to send").isZero();

        MimeMessage mail = onlyMessage();
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(ADDRESS);
        assertThat((InternetAddress) mail.getFrom()[0]).satisfies(from -> {
            assertThat(from.getAddress()).isEqualTo("no-reply@localhost");
            assertThat(from.getPersonal()).isEqualTo("Raporto");
        });
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(mail.getContentLanguage()).containsExactly(language.code());
        assertThat(mail.getMessageID()).isEqualTo("<" + id + "@localhost>");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getSentDate()).isEqualTo(Date.from(clock.instant()));
        String body = (String) mail.getContent();
        assertThat(body).startsWith(greeting).contains(link, "ALO 116 111");
        assertThat(body).doesNotContainPattern("R-\\d{4}-\\d+").doesNotContain(ADDRESS);
        assertThat(events.stream(MessageDelivered.class)).containsExactly(new MessageDelivered(id, NoticeKind.REPORT_NEWS, clock.instant()));
    }

    @Test
    void onceSentNeitherTheAddressNorItsKeyIsKept() {
        UUID id = enqueue(new Notice(ADDRESS, Language.SQ, NoticeKind.REPORT_NEWS));
        delivery.deliverDue();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1)
                .containsEntry("data_key", null).containsEntry("recipient", null).containsEntry("lease_until", null)
                .containsEntry("last_error", null);
        assertThat(((Timestamp) row.get("sent_at")).toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void theAddressIsNeverInTheTableInClear() {
        enqueue(new Notice(ADDRESS, Language.EN, NoticeKind.REPORT_NEWS));

        String stored = everythingInTheOutbox();
        assertThat(stored).doesNotContain(ADDRESS).doesNotContain("7d3e").doesNotContain("example.org");
    }

    @Test
    void aNoticeRolledBackWithItsTransactionIsNeverQueued() {
        transactions.executeWithoutResult(status -> {
            outbox.enqueue(new Notice(ADDRESS, Language.SQ, NoticeKind.REPORT_NEWS));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT count(*) FROM notification_message").query(Integer.class).single()).isZero();
        assertThat(delivery.deliverDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aNoticeCannotBeQueuedOutsideATransaction() {
        assertThatThrownBy(() -> outbox.enqueue(new Notice(ADDRESS, Language.SQ, NoticeKind.REPORT_NEWS)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message").query(Integer.class).single()).isZero();
    }

    @Test
    void whileTheServerIsDownTheMessageWaitsLongerEachTimeAndIsSentOnceItIsBack(CapturedOutput log) {
        smtp.stop();
        UUID id = enqueue(new Notice(ADDRESS, Language.SQ, NoticeKind.REPORT_NEWS));

        assertThat(delivery.deliverDue()).isZero();
        assertThat(row(id)).containsEntry("status", "QUEUED").containsEntry("attempts", 1).containsEntry("lease_until", null);
        assertThat(nextAttempt(id)).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat((String) row(id).get("last_error")).isNotBlank().doesNotContain("@");

        clock.advance(Duration.ofSeconds(59));
        delivery.deliverDue();
        assertThat(row(id)).as("not due before its time").containsEntry("attempts", 1);

        clock.advance(Duration.ofSeconds(1));
        delivery.deliverDue();
        assertThat(row(id)).containsEntry("status", "QUEUED").containsEntry("attempts", 2);
        assertThat(nextAttempt(id)).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        smtp.start();
        clock.advance(Duration.ofMinutes(2));
        assertThat(delivery.deliverDue()).isOne();
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 3).containsEntry("last_error", null);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(log.getAll()).contains(id.toString()).doesNotContain(ADDRESS).doesNotContain("7d3e");
    }

    @Test
    void afterTheLastAttemptTheMessageIsADeadLetterThatKeepsItsSealedAddressAndIsAnnounced(CapturedOutput log) {
        smtp.stop();
        UUID id = enqueue(new Notice(ADDRESS, Language.SQ, NoticeKind.REPORT_NEWS));

        int maxAttempts = properties.delivery().maxAttempts();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            delivery.deliverDue();
            clock.advance(properties.delivery().longestRetryAfter());
        }

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "DEAD").containsEntry("attempts", maxAttempts).containsEntry("sent_at", null);
        assertThat(row.get("data_key")).as("kept, sealed, to be sent again").isNotNull();
        assertThat(row.get("recipient")).isNotNull();
        assertThat((String) row.get("last_error")).isNotBlank().doesNotContain("@");
        assertThat(events.stream(MessageGivenUp.class)).singleElement().satisfies(givenUp -> {
            assertThat(givenUp.id()).isEqualTo(id);
            assertThat(givenUp.kind()).isEqualTo(NoticeKind.REPORT_NEWS);
            assertThat(givenUp.reason()).isEqualTo(row.get("last_error"));
        });

        smtp.start();
        assertThat(delivery.deliverDue()).as("a dead letter is sent again only by an administrator").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(events.stream(MessageDelivered.class)).isEmpty();
        assertThat(log.getAll()).contains(id + " (REPORT_NEWS) given up after " + maxAttempts + " attempts").doesNotContain(ADDRESS);
    }

    @Test
    void aMessageWhoseNodeDiedWhileSendingIsSentAgainOnceTheLeaseRunsOut() throws Exception {
        UUID id = enqueue(new Notice(ADDRESS, Language.EN, NoticeKind.REPORT_NEWS));
        Duration lease = properties.delivery().lease();
        // What a node leaves behind when it dies after claiming the message and before recording the outcome.
        jdbc.sql("UPDATE notification_message SET status = 'SENDING', attempts = 1, lease_until = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().plus(lease)), id).update();

        assertThat(delivery.deliverDue()).as("the lease still holds").isZero();
        clock.advance(lease);
        assertThat(delivery.deliverDue()).isOne();

        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(onlyMessage().getMessageID()).as("the same Message-ID as the first try").isEqualTo("<" + id + "@localhost>");
    }

    @Test
    void aMessageWhoseLastAttemptWasCutShortIsADeadLetterKeptToBeSentAgainByHand() {
        UUID id = enqueue(new Notice(ADDRESS, Language.EN, NoticeKind.REPORT_NEWS));
        jdbc.sql("UPDATE notification_message SET status = 'SENDING', attempts = ?, lease_until = ? WHERE id = ?")
                .params(properties.delivery().maxAttempts(), Timestamp.from(clock.instant()), id).update();

        assertThat(delivery.deliverDue()).isZero();

        assertThat(row(id)).containsEntry("status", "DEAD").containsEntry("last_error", Delivery.INTERRUPTED);
        assertThat(row(id).get("recipient")).isNotNull();
        assertThat(events.stream(MessageGivenUp.class)).containsExactly(new MessageGivenUp(id, NoticeKind.REPORT_NEWS, clock.instant(), Delivery.INTERRUPTED));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void twoNodesDeliveringAtOnceSendEachMessageOnce() throws Exception {
        List<UUID> ids = transactions.execute(status -> {
            List<UUID> queued = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                queued.add(outbox.enqueue(new Notice("reader" + i + "@example.org", Language.SQ, NoticeKind.REPORT_NEWS)));
            }
            return queued;
        });

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> rounds = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                rounds.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return delivery.deliverDue();
                }, nodes));
            }
            int sent = rounds.stream().mapToInt(CompletableFuture::join).sum();
            assertThat(sent).isEqualTo(ids.size());
        }
        finally {
            nodes.shutdownNow();
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(OutboxTest::messageId))
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "<" + id + "@localhost>").toList());
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE status = 'SENT' AND attempts = 1").query(Integer.class).single())
                .isEqualTo(ids.size());
    }

    private UUID enqueue(Notice notice) {
        return transactions.execute(status -> outbox.enqueue(notice));
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT * FROM notification_message WHERE id = ?").param(id).query().singleRow();
    }

    private Instant nextAttempt(UUID id) {
        return jdbc.sql("SELECT next_attempt_at FROM notification_message WHERE id = ?").param(id).query(OffsetDateTime.class).single().toInstant();
    }

    private static MimeMessage onlyMessage() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** Every value of every row, byte columns as raw bytes (ISO-8859-1 keeps each byte one character). */
    private String everythingInTheOutbox() {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> row : jdbc.sql("SELECT * FROM notification_message").query().listOfRows()) {
            for (Object value : row.values()) {
                all.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value)).append('|');
            }
        }
        return all.toString();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
