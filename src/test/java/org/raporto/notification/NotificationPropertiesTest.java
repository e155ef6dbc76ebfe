package org.raporto.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationPropertiesTest {

    private final NotificationProperties.Delivery delivery =
            new NotificationProperties.Delivery(Duration.ofMinutes(5), 10, Duration.ofMinutes(1), Duration.ofHours(6));

    @Test
    void theWaitDoublesAfterEachFailedTryUpToTheLongest() {
        assertThat(delivery.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(delivery.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(delivery.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(delivery.retryAfter(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(delivery.retryAfter(10)).isEqualTo(Duration.ofHours(6));
        assertThat(delivery.retryAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void refusesSettingsThatWouldNeverSendOrNeverWait() {
        assertThatThrownBy(() -> new NotificationProperties.Delivery(Duration.ofMinutes(5), 0, Duration.ofMinutes(1), Duration.ofHours(6)))
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new NotificationProperties.Delivery(Duration.ofMinutes(5), 10, Duration.ZERO, Duration.ofHours(6)))
                .hasMessageContaining("first-retry-after");
        assertThatThrownBy(() -> new NotificationProperties.Delivery(Duration.ofMinutes(5), 10, Duration.ofHours(1), Duration.ofMinutes(1)))
                .hasMessageContaining("longest-retry-after");
        assertThatThrownBy(() -> new NotificationProperties.Delivery(Duration.ofSeconds(-1), 10, Duration.ofMinutes(1), Duration.ofHours(6)))
                .hasMessageContaining("lease");
    }

    @Test
    void keepsDeadLettersFromAnHourToAYear() {
        assertThat(new NotificationProperties.DeadLetterRules(Duration.ofDays(30)).keptFor()).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> new NotificationProperties.DeadLetterRules(Duration.ofMinutes(59))).hasMessageContaining("dead-letters.kept-for");
        assertThatThrownBy(() -> new NotificationProperties.DeadLetterRules(Duration.ofDays(367))).hasMessageContaining("dead-letters.kept-for");
    }
}
