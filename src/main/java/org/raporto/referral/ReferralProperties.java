package org.raporto.referral;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How referrals are sent.
 *
 * @param country  the hotline's own country (ISO 3166-1 alpha-2): content hosted here goes to the police and the host,
 *                 content hosted elsewhere to that country's hotline
 * @param takedown the notice-and-takedown schedule for hosts, platforms and registrars
 * @param notices  how often the job looks for notices that are due
 * @param window   when notices may leave: in working hours (working days, holidays excepted), or at any time
 */
@ConfigurationProperties("raporto.referral")
public record ReferralProperties(@DefaultValue("AL") String country, @DefaultValue Takedown takedown, @DefaultValue("PT1M") Duration notices,
        @DefaultValue("WORKING_HOURS") Window window) {

    public ReferralProperties {
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("raporto.referral.country must be a country code such as AL, not '" + country + "'");
        }
        if (notices.isNegative() || notices.isZero()) {
            throw new IllegalArgumentException("raporto.referral.notices must be positive, not " + notices);
        }
    }

    /** When notices are sent. */
    public enum Window {
        /** In working hours, so that no notice arrives at night or on a holiday to sit unread under newer mail. */
        WORKING_HOURS,
        /** At any time: for hotlines whose partners work around the clock. */
        ALWAYS
    }

    /**
     * @param firstNoticeAfter how long after the referral the first notice goes to a host or platform: time for the
     *                         first online check, and for the analyst to correct a mistake
     * @param renoticeEvery    how often a notice is repeated while the content is online
     * @param ownerAfter       after how long online the site's owner is told
     * @param registrarAfter   after how long online the domain's registrar is told
     */
    public record Takedown(@DefaultValue("PT1H") Duration firstNoticeAfter, @DefaultValue("PT24H") Duration renoticeEvery,
            @DefaultValue("PT72H") Duration ownerAfter, @DefaultValue("PT144H") Duration registrarAfter) {

        public Takedown {
            for (Duration value : new Duration[] {firstNoticeAfter, renoticeEvery, ownerAfter, registrarAfter}) {
                if (value.isNegative() || value.isZero()) {
                    throw new IllegalArgumentException("raporto.referral.takedown.* must be positive, not " + value);
                }
            }
            if (registrarAfter.compareTo(ownerAfter) < 0) {
                throw new IllegalArgumentException("raporto.referral.takedown.registrar-after must not come before owner-after");
            }
        }
    }
}
