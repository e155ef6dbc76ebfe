package org.raporto.content.editing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class EditingConfiguration {

    /** Every node runs the rounds: the row locks keep them apart. Tests that drive the schedule themselves switch it off. */
    @Bean
    @ConditionalOnBooleanProperty(name = "raporto.content.schedule.enabled", matchIfMissing = true)
    ScheduleRounds publicationScheduleRounds(PublicationSchedule schedule) {
        return new ScheduleRounds(schedule);
    }

    static final class ScheduleRounds {

        private final PublicationSchedule schedule;

        ScheduleRounds(PublicationSchedule schedule) {
            this.schedule = schedule;
        }

        @Scheduled(fixedDelayString = "${raporto.content.schedule.interval:1m}", initialDelayString = "PT20S")
        void recordDue() {
            schedule.recordDue();
        }
    }
}
