package org.raporto.referral;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReferralProperties.class, OnlineCheckProperties.class})
class ReferralConfiguration {

    /**
     * Every node sends the notices that are due: each referral is taken with a lock others skip, so no leader is needed.
     * Tests that drive {@link AgencyNotices#sendDue()} themselves switch it off.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "raporto.referral.notices.enabled", matchIfMissing = true)
    NoticeRounds noticeRounds(AgencyNotices notices) {
        return new NoticeRounds(notices);
    }

    static final class NoticeRounds {

        private final AgencyNotices notices;

        NoticeRounds(AgencyNotices notices) {
            this.notices = notices;
        }

        @Scheduled(fixedDelayString = "${raporto.referral.notices.interval:1m}", initialDelayString = "PT30S")
        void sendDue() {
            notices.sendDue();
        }
    }

    /**
     * Every node checks on its own: the claims keep them apart, so no lock or leader is needed. Tests that drive
     * {@link OnlineCheckJob#checkDue()} themselves switch it off.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "raporto.referral.checks.enabled", matchIfMissing = true)
    OnlineCheckRounds onlineCheckRounds(OnlineCheckJob job) {
        return new OnlineCheckRounds(job);
    }

    static final class OnlineCheckRounds {

        private final OnlineCheckJob job;

        OnlineCheckRounds(OnlineCheckJob job) {
            this.job = job;
        }

        @Scheduled(fixedDelayString = "${raporto.referral.checks.interval:1m}")
        void checkDue() {
            job.checkDue();
        }
    }
}
