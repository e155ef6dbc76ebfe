package org.raporto.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.identity.Role;
import org.raporto.identity.StaffUser;
import org.raporto.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Without {@code spring.mail.host}, as in the other tests: Raporto starts, e-mails wait in the outbox, and the
 * administrators' page says why.
 */
@SpringBootTest
class OutboxWithoutMailServerTest {

    @Autowired
    Outbox outbox;

    @Autowired
    Delivery delivery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theDeliveryRunsOnASchedule(@Autowired ScheduledTaskHolder scheduler) {
        assertThat(scheduler.getScheduledTasks()).extracting(task -> task.getTask().toString())
                .anySatisfy(task -> assertThat(task).endsWith("DeliverySchedule.deliverDue"));
    }

    @Test
    void messagesWaitInTheOutboxUntilAServerIsConfigured() {
        UUID id = transactions.execute(status -> outbox.enqueue(new Notice("prind@example.org", Language.SQ, NoticeKind.REPORT_NEWS)));

        assertThat(delivery.deliverDue()).isZero();

        assertThat(jdbc.sql("SELECT status, attempts FROM notification_message WHERE id = ?").param(id).query().singleRow())
                .containsEntry("status", "QUEUED").containsEntry("attempts", 0);
    }

    @Test
    void theAdministratorsPageSaysMessagesAreHeldForWantOfAMailServer(@Autowired WebApplicationContext context) throws Exception {
        transactions.execute(status -> outbox.enqueue(new Notice("prind@example.org", Language.SQ, NoticeKind.REPORT_NEWS)));
        UUID adminId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO identity_account (id, email, name, language, roles, password_hash, totp_secret, data_key, totp_confirmed_at,
                    sessions_valid_after, created_at)
                VALUES (?, ?, 'Arta Hoxha', 'sq', ARRAY['ADMIN'], 'x', '\\x00', '\\x00', now(), '2000-01-01', now())""")
                .params(adminId, "arta." + adminId + "@example.org").update();
        StaffUser admin = new StaffUser(adminId, "Arta Hoxha", "arta@example.org", Language.SQ, EnumSet.of(Role.ADMIN), false, Instant.now());
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        var page = mvc.perform(get("/staff/admin/outbox").header("Accept", "text/html")
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))))))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Nuk është konfiguruar asnjë server poste", "SPRING_MAIL_HOST",
                "Mesazhi më i vjetër i padërguar pret").doesNotContain("prind@example.org");
    }
}
