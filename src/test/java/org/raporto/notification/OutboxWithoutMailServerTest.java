package org.raporto.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.raporto.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code spring.mail.host}, as in the other tests: Raporto starts, and e-mails wait in the outbox. */
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
}
