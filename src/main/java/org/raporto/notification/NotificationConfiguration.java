package org.raporto.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /**
     * Every node runs the delivery, and the erasure of old dead letters, on its own: the claim keeps deliveries apart,
     * and an erased letter is no longer due for another node, so no lock or leader is needed. Tests that drive
     * {@link Delivery#deliverDue()} themselves switch both off.
     */
    @Bean
    @ConditionalOnBooleanProperty("raporto.notification.delivery.enabled")
    DeliverySchedule deliverySchedule(Delivery delivery, DeadLetters deadLetters) {
        return new DeliverySchedule(delivery, deadLetters);
    }

    static final class DeliverySchedule {

        private final Delivery delivery;
        private final DeadLetters deadLetters;

        DeliverySchedule(Delivery delivery, DeadLetters deadLetters) {
            this.delivery = delivery;
            this.deadLetters = deadLetters;
        }

        @Scheduled(fixedDelayString = "${raporto.notification.delivery.interval}")
        void deliverDue() {
            delivery.deliverDue();
        }

        @Scheduled(fixedDelayString = "${raporto.notification.dead-letters.erase-interval}", initialDelayString = "PT2M")
        void eraseExpiredDeadLetters() {
            deadLetters.eraseExpired();
        }
    }
}
