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
     * Every node runs the delivery on its own: the claim keeps them apart, so no lock or leader is needed. Tests that
     * drive {@link Delivery#deliverDue()} themselves switch it off.
     */
    @Bean
    @ConditionalOnBooleanProperty("raporto.notification.delivery.enabled")
    DeliverySchedule deliverySchedule(Delivery delivery) {
        return new DeliverySchedule(delivery);
    }

    static final class DeliverySchedule {

        private final Delivery delivery;

        DeliverySchedule(Delivery delivery) {
            this.delivery = delivery;
        }

        @Scheduled(fixedDelayString = "${raporto.notification.delivery.interval}")
        void deliverDue() {
            delivery.deliverDue();
        }
    }
}
