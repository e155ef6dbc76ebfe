package org.raporto.notification;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void keepsWhatTheServerAnsweredWithoutTheAddressItQuotes() {
        var rejected = new MessagingException("550 5.1.1 <Prind.7d3e@Example.org>: Recipient address rejected: User unknown");
        var failed = new SendFailedException("Invalid Addresses", rejected);
        Map<Object, Exception> perMessage = new LinkedHashMap<>();
        perMessage.put("message", failed);

        String described = Failures.describe(new MailSendException(perMessage));

        assertThat(described)
                .isEqualTo("SendFailedException: Invalid Addresses; caused by MessagingException: 550 5.1.1 <[address]>:"
                        + " Recipient address rejected: User unknown")
                .doesNotContain("7d3e");
    }

    @Test
    void keepsTheConnectionErrorBelowSpringsWrapper() {
        var refused = new MessagingException("Couldn't connect to host, port: smtp.example.net, 587; timeout 10000",
                new ConnectException("Connection refused"));

        assertThat(Failures.describe(new MailSendException("Mail server connection failed", refused)))
                .isEqualTo("MessagingException: Couldn't connect to host, port: smtp.example.net, 587; timeout 10000;"
                        + " caused by ConnectException: Connection refused");
    }

    @Test
    void cutsOutAnythingThatLooksLikeAnAddressAnywhere() {
        String described = Failures.describe(new IllegalStateException("to: a.b+c@d.example,\r\nBcc: \"x\"@y.example"));

        assertThat(described).doesNotContain("@", "a.b+c", "d.example", "y.example", "\r", "\n");
    }

    @Test
    void isShortEnoughForTheTable() {
        String described = Failures.describe(new IllegalStateException("x".repeat(1000)));

        assertThat(described).hasSize(Failures.MAX_LENGTH).endsWith("…");
    }

    @Test
    void namesAnExceptionWithoutAMessageByItsKind() {
        assertThat(Failures.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
