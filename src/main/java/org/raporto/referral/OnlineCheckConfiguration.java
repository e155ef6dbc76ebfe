package org.raporto.referral;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnlineCheckProperties.class)
class OnlineCheckConfiguration {

    /**
     * Every node checks on its own: the claims keep them apart, so no lock or leader is needed. Tests that drive
     * {@link OnlineCheckJob#checkDue()} themselves switch it off.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "raporto.referral.checks.enabled", matchIfMissing = true)
    OnlineCheckSchedule onlineCheckSchedule(OnlineCheckJob job) {
        return new OnlineCheckSchedule(job);
    }

    static final class OnlineCheckSchedule {

        private final OnlineCheckJob job;

        OnlineCheckSchedule(OnlineCheckJob job) {
            this.job = job;
        }

        @Scheduled(fixedDelayString = "${raporto.referral.checks.interval:1m}")
        void checkDue() {
            job.checkDue();
        }
    }
}
