package org.raporto.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.audit.AuditQuery;
import org.raporto.identity.Role;
import org.raporto.identity.StaffUser;
import org.raporto.shared.Language;
import org.raporto.testing.FreePorts;
import org.raporto.testing.LoopbackSmtp;
import org.raporto.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Notices to agencies, in words their sender composed, through a real SMTP server (GreenMail on loopback) that goes
 * away and comes back; dead letters sent again, discarded and erased; the administrators' page. The scheduler is off:
 * each test runs the delivery rounds itself and moves the clock instead of waiting.
 */
@SpringBootTest(properties = {"raporto.notification.delivery.enabled=false", "raporto.notification.delivery.max-attempts=3",
        "logging.level.com.icegreen.greenmail=warn"})
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class ComposedNoticesTest {

    private static final String AGENCY = "abuse.9f2c@hosting.example";
    private static final String DESK = "referrals@hotline.example";
    private static final String SUBJECT = "R-2026-000123: referim për përmbajtje të paligjshme (çështje e rëndë)";
    private static final String BODY = """
            Përshëndetje,

            Linja raporton përmbajtjen në adresat më poshtë, të klasifikuara si material i abuzimit seksual me fëmijë.
            https://files.example/9f2c/a.jpg
            https://files.example/9f2c/b.jpg

            Ju lutemi hiqeni dhe na njoftoni. Faleminderit, ë ç Ë Ç.
            """;
    private static final int SMTP_PORT = FreePorts.loopback();

    @RegisterExtension
    static final GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        LoopbackSmtp.register(registry, SMTP_PORT);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        }

        @Bean
        ServerFailure serverFailure() {
            return new ServerFailure();
        }
    }

    /** Stops the SMTP server after so many deliveries, in the middle of a round, as a server that goes away does. */
    static class ServerFailure {

        private final AtomicInteger stopAfter = new AtomicInteger(-1);

        /** GreenMail forgets what it received when it stops: what arrived before, by Message-ID. */
        final List<String> receivedBeforeStop = new java.util.concurrent.CopyOnWriteArrayList<>();

        void stopAfter(int deliveries) {
            stopAfter.set(deliveries);
        }

        @EventListener
        void on(MessageDelivered delivered) {
            if (stopAfter.get() > 0 && stopAfter.decrementAndGet() == 0) {
                Arrays.stream(smtp.getReceivedMessages()).map(ComposedNoticesTest::messageId).forEach(receivedBeforeStop::add);
                smtp.stop();
            }
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Delivery delivery;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    NotificationProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    ServerFailure serverFailure;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEvents events;

    @Autowired
    WebApplicationContext context;

    @BeforeEach
    void emptyOutboxAndMailboxes() throws Exception {
        jdbc.sql("DELETE FROM notification_message").update();
        serverFailure.stopAfter(-1);
        serverFailure.receivedBeforeStop.clear();
        if (!smtp.isRunning()) {
            smtp.start();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void anAgencyNoticeArrivesWithItsComposedWordsIntactInUtf8AndAReplyAddress() throws Exception {
        UUID id = enqueue(Notice.toAgency(AGENCY, Language.SQ, new ComposedText(SUBJECT, BODY, DESK)));

        assertThat(delivery.deliverDue()).isOne();

        MimeMessage mail = onlyMessage();
        assertThat(mail.getSubject()).isEqualTo(SUBJECT);
        assertThat(text(mail)).isEqualTo(BODY.stripTrailing());
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(AGENCY);
        assertThat(mail.getReplyTo()).extracting(address -> ((InternetAddress) address).getAddress()).containsExactly(DESK);
        assertThat(mail.getMessageID()).isEqualTo("<" + id + "@localhost>");
        assertThat(mail.getHeader("Auto-Submitted")).as("agencies' ticket systems may acknowledge it").isNull();
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("subject", null).containsEntry("body", null)
                .containsEntry("reply_to", null).containsEntry("data_key", null);
        assertThat(events.stream(MessageDelivered.class)).containsExactly(new MessageDelivered(id, NoticeKind.AGENCY_NOTICE, clock.instant()));
    }

    @Test
    void theLongestBodyAllowedArrivesWholeWithEveryLetterAndLongLines() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int line = 0; body.length() < ComposedText.MAX_BODY - 2_000; line++) {
            // Long lines (over SMTP's 998) of Albanian letters, a line that is only a dot, and one that starts "From ".
            body.append("Rreshti ").append(line).append(": çështje ëëë ÇË ").append("x".repeat(line % 7 == 0 ? 1_200 : 60)).append('\n');
            if (line % 50 == 0) {
                body.append(".\nFrom the hotline\n");
            }
        }
        String text = body.toString().stripTrailing();
        UUID id = enqueue(Notice.toAgency(AGENCY, Language.SQ, new ComposedText("Ç'është kjo? ë".repeat(14), text, null)));

        assertThat(delivery.deliverDue()).isOne();

        assertThat(row(id)).containsEntry("status", "SENT");
        assertThat(text(mail())).isEqualTo(text);
        assertThat(mail().getSubject()).isEqualTo("Ç'është kjo? ë".repeat(14));
    }

    @Test
    void whileItWaitsNeitherTheAddressNorTheWordsAreInTheTableOrTheLogInClear(CapturedOutput log) {
        smtp.stop();
        UUID id = enqueue(Notice.toAgency(AGENCY, Language.SQ, new ComposedText(SUBJECT, BODY, DESK)));
        delivery.deliverDue();

        StringBuilder stored = new StringBuilder();
        for (Object value : jdbc.sql("SELECT * FROM notification_message").query().singleRow().values()) {
            stored.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) + new String(bytes, StandardCharsets.UTF_8)
                    : String.valueOf(value)).append('|');
        }
        for (String secret : List.of("9f2c", "hosting.example", "hotline.example", "R-2026-000123", "referim", "files.example")) {
            assertThat(stored.toString()).as(secret).doesNotContain(secret);
            assertThat(log.getAll()).as(secret).doesNotContain(secret);
        }
        assertThat(log.getAll()).contains(id.toString());
    }

    @Test
    void thirtyNoticesWhoseServerStopsMidBatchAreRetriedWithBackOffAndEachArrivesExactlyOnce() throws Exception {
        List<UUID> ids = transactions.execute(status -> {
            List<UUID> queued = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                queued.add(outbox.enqueue(Notice.toAgency("agency" + i + "@example.org", Language.EN,
                        new ComposedText("R-2026-" + i + ": referral", "Notice number " + i + ".\n", null))));
            }
            return queued;
        });
        serverFailure.stopAfter(12);

        assertThat(delivery.deliverDue()).as("sent before the server went away").isEqualTo(12);
        assertThat(count("SENT")).isEqualTo(12);
        assertThat(count("QUEUED")).isEqualTo(18);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE status = 'QUEUED' AND attempts = 1 AND next_attempt_at = ?")
                .param(java.sql.Timestamp.from(clock.instant().plus(properties.delivery().firstRetryAfter()))).query(Integer.class).single())
                .as("each waits the first back-off").isEqualTo(18);

        clock.advance(properties.delivery().firstRetryAfter());
        assertThat(delivery.deliverDue()).as("the server is still away").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_message WHERE status = 'QUEUED' AND attempts = 2 AND next_attempt_at = ?")
                .param(java.sql.Timestamp.from(clock.instant().plus(properties.delivery().retryAfter(2)))).query(Integer.class).single())
                .as("and waits twice as long").isEqualTo(18);

        smtp.start();
        assertThat(delivery.deliverDue()).as("not due before its time").isZero();
        clock.advance(properties.delivery().retryAfter(2));
        assertThat(delivery.deliverDue()).isEqualTo(18);
        assertThat(delivery.deliverDue()).isZero();

        assertThat(serverFailure.receivedBeforeStop).hasSize(12);
        Map<String, Long> copies = java.util.stream.Stream.concat(serverFailure.receivedBeforeStop.stream(),
                        Arrays.stream(smtp.getReceivedMessages()).map(ComposedNoticesTest::messageId))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "<" + id + "@localhost>").toList());
        assertThat(copies.values()).as("each exactly once").containsOnly(1L);
        assertThat(events.stream(MessageDelivered.class).map(MessageDelivered::id)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aNoticeLeftSendingByANodeThatDiedIsTakenByAnotherOnceTheLeaseRunsOutAndArrivesOnce() throws Exception {
        UUID id = enqueue(Notice.toAgency(AGENCY, Language.EN, new ComposedText("R-2026-000124: referral", "Please remove.", null)));
        Duration lease = properties.delivery().lease();
        // What a node leaves behind when it dies after claiming the message and before sending it.
        jdbc.sql("UPDATE notification_message SET status = 'SENDING', attempts = 1, lease_until = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(clock.instant().plus(lease)), id).update();

        assertThat(delivery.deliverDue()).as("the lease still holds").isZero();
        clock.advance(lease);
        assertThat(delivery.deliverDue()).isOne();
        assertThat(delivery.deliverDue()).isZero();

        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(onlyMessage().getSubject()).isEqualTo("R-2026-000124: referral");
    }

    @Test
    void aDeadLetterSentAgainByAnAdministratorArrivesAndTheStepIsAudited() throws Exception {
        UUID id = deadLetter();
        Actor admin = new Actor(UUID.randomUUID(), "Arta Hoxha");

        assertThat((boolean) transactions.execute(status -> deadLetters.sendAgain(id, admin))).isTrue();
        assertThat(row(id)).containsEntry("status", "QUEUED").containsEntry("attempts", 0).containsEntry("dead_at", null);
        assertThat((boolean) transactions.execute(status -> deadLetters.sendAgain(id, admin))).as("not twice").isFalse();

        assertThat(delivery.deliverDue()).isOne();
        assertThat(text(mail())).isEqualTo(BODY.stripTrailing());
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("data_key", null);
        assertThat(events.stream(MessageDelivered.class).map(MessageDelivered::id)).containsExactly(id);
        assertThat(audit.find(AuditQuery.newest(5).withAction(AuditAction.DEAD_LETTER_SENT_AGAIN).onObject(DeadLetters.OBJECT, id.toString())))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo(admin);
                    assertThat(entry.details()).containsEntry("kind", "AGENCY_NOTICE").containsEntry("attempts", "3");
                });
    }

    @Test
    void aDiscardedDeadLetterLosesItsAddressTextAndKeyForGood() {
        UUID id = deadLetter();

        assertThat((boolean) transactions.execute(status -> deadLetters.discard(id, new Actor(UUID.randomUUID(), "Arta Hoxha")))).isTrue();

        assertThat(row(id)).containsEntry("status", "DEAD").containsEntry("data_key", null).containsEntry("recipient", null)
                .containsEntry("subject", null).containsEntry("body", null).containsEntry("reply_to", null);
        assertThat((boolean) transactions.execute(status -> deadLetters.sendAgain(id, Actor.system()))).as("nothing left to send").isFalse();
        assertThat(audit.find(AuditQuery.newest(5).withAction(AuditAction.DEAD_LETTER_DISCARDED).onObject(DeadLetters.OBJECT, id.toString())))
                .hasSize(1);
    }

    @Test
    void theRetentionErasesOnlyDeadLettersOlderThanTheyAreKept() {
        UUID old = deadLetter();
        UUID recent = deadLetter();
        // Given up a minute short of the retention period ago.
        jdbc.sql("UPDATE notification_message SET dead_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(clock.instant().minus(properties.deadLetters().keptFor()).plusSeconds(60)), old).update();

        assertThat(deadLetters.eraseExpired()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(deadLetters.eraseExpired()).isOne();
        assertThat(deadLetters.eraseExpired()).isZero();

        assertThat(row(old)).containsEntry("status", "DEAD").containsEntry("data_key", null).containsEntry("body", null);
        assertThat(row(recent).get("data_key")).isNotNull();
        assertThat(audit.find(AuditQuery.newest(5).withAction(AuditAction.DEAD_LETTER_ERASED).onObject(DeadLetters.OBJECT, old.toString())))
                .singleElement().satisfies(entry -> assertThat(entry.details()).containsEntry("kind", "AGENCY_NOTICE"));
        assertThat(deadLetters.overview()).satisfies(overview -> {
            assertThat(overview.dead()).isOne();
            assertThat(overview.erased()).isOne();
            assertThat(overview.deadLetters()).extracting(DeadLetters.DeadLetter::id).containsExactly(recent);
        });
    }

    @Test
    void theAdministratorsPageListsDeadLettersWithoutAddressOrWordsAndSendsThemAgain() throws Exception {
        UUID id = deadLetter();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        UUID adminId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO identity_account (id, email, name, language, roles, password_hash, totp_secret, data_key, totp_confirmed_at,
                    sessions_valid_after, created_at)
                VALUES (?, ?, 'Arta Hoxha', 'en', ARRAY['ADMIN'], 'x', '\\x00', '\\x00', now(), '2000-01-01', now())""")
                .params(adminId, "arta." + adminId + "@example.org").update();
        StaffUser admin = new StaffUser(adminId, "Arta Hoxha", "arta@example.org", Language.EN, java.util.EnumSet.of(Role.ADMIN), false,
                Instant.now());
        var signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));

        var shown = mvc.perform(get("/staff/admin/outbox").with(signedIn).header("Accept", "text/html")).andReturn().getResponse();
        assertThat(shown.getStatus()).isEqualTo(200);
        String page = shown.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("E-mail outbox", "Notice to an agency", "/staff/admin/outbox/" + id + "/send-again", "Dead letters")
                .doesNotContain("No mail server is configured");
        for (String secret : List.of("9f2c", "hosting.example", "hotline.example", "R-2026-000123", "referim")) {
            assertThat(page).as(secret).doesNotContain(secret);
        }

        var answer = mvc.perform(post("/staff/admin/outbox/" + id + "/send-again").with(signedIn).with(csrf())).andReturn().getResponse();
        assertThat(answer.getRedirectedUrl()).isEqualTo("/staff/admin/outbox?done=sentAgain");
        assertThat(row(id)).containsEntry("status", "QUEUED");
        var again = mvc.perform(post("/staff/admin/outbox/" + id + "/discard").with(signedIn).with(csrf())).andReturn().getResponse();
        assertThat(again.getRedirectedUrl()).as("no longer a dead letter").isEqualTo("/staff/admin/outbox?done=gone");
        assertThat(mvc.perform(post("/staff/admin/outbox/" + id + "/discard").with(signedIn)).andReturn().getResponse().getStatus())
                .as("without the form's token").isEqualTo(403);
    }

    /** A composed notice whose attempts ran out. */
    private UUID deadLetter() {
        smtp.stop();
        UUID id = enqueue(Notice.toAgency(AGENCY, Language.SQ, new ComposedText(SUBJECT, BODY, DESK)));
        for (int attempt = 1; attempt <= properties.delivery().maxAttempts(); attempt++) {
            clock.advance(properties.delivery().longestRetryAfter());
            delivery.deliverDue();
        }
        assertThat(row(id)).containsEntry("status", "DEAD");
        smtp.start();
        return id;
    }

    private UUID enqueue(Notice notice) {
        return transactions.execute(status -> outbox.enqueue(notice));
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT * FROM notification_message WHERE id = ?").param(id).query().singleRow();
    }

    private int count(String status) {
        return jdbc.sql("SELECT count(*) FROM notification_message WHERE status = ?").param(status).query(Integer.class).single();
    }

    private static MimeMessage onlyMessage() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static MimeMessage mail() {
        return onlyMessage();
    }

    /** The body as the sender wrote it: on the wire (and so in the mailbox) lines end in CR LF, as SMTP wants. */
    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
