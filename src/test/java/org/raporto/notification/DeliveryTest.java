package org.raporto.notification;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.MessagingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The parts of the delivery that decide between "sent", "try again" and "this could send twice", without a server. */
class DeliveryTest {

    @Test
    void aConnectionThatFailedToCloseAfterTheServerAcceptedTheMessageCountsAsSent() {
        var closing = new MailSendException("Failed to close server connection after message sending", new MessagingException("QUIT: connection reset"));

        assertThat(Delivery.acceptedBeforeClosing(closing)).isTrue();
    }

    @Test
    void aMessageTheServerDidNotAcceptIsNotCountedAsSent() {
        var refused = new MessagingException("Connection refused");
        assertThat(Delivery.acceptedBeforeClosing(new MailSendException("Mail server connection failed", refused, Map.of("message", refused)))).isFalse();
        assertThat(Delivery.acceptedBeforeClosing(new MailSendException(Map.of("message", new MessagingException("550 rejected"))))).isFalse();
        assertThat(Delivery.acceptedBeforeClosing(new MailSendException("Failed to close server connection after message failures", refused,
                Map.of("message", refused)))).isFalse();
    }

    @Test
    void refusesALeaseShorterThanTheSmtpTimeoutsTogether() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.getJavaMailProperties().putAll(Map.of("mail.smtp.connectiontimeout", "10000", "mail.smtp.timeout", "30000", "mail.smtp.writetimeout", "30000"));

        assertThatNoException().isThrownBy(() -> Delivery.checkTimeouts(sender, Duration.ofMinutes(5)));
        assertThatThrownBy(() -> Delivery.checkTimeouts(sender, Duration.ofSeconds(60))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("raporto.notification.delivery.lease");
    }
}
