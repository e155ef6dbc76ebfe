package org.raporto.referral;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How referred addresses are checked until their content is gone.
 *
 * @param enabled     whether this node runs the checks in the background
 * @param interval    the pause between two rounds of the job, which checks what is due
 * @param every       how often one address is checked (each next check is drawn within ±25 % of it, to spread them)
 * @param goneAfter   "gone" answers in a row that make an address removed
 * @param concurrency how many checks one node makes at once
 * @param batch       how many due watches a node claims at a time (at most one per host)
 * @param lease       how long a node may hold a claimed watch before others take it for abandoned
 */
@ConfigurationProperties("raporto.referral.checks")
record OnlineCheckProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration interval,
        @DefaultValue("PT1H") Duration every,
        @DefaultValue("3") int goneAfter,
        @DefaultValue("4") int concurrency,
        @DefaultValue("16") int batch,
        @DefaultValue("10m") Duration lease) {

    OnlineCheckProperties {
        requirePositive("interval", interval);
        requirePositive("every", every);
        requirePositive("lease", lease);
        requireBetween("gone-after", goneAfter, 1, 100);
        requireBetween("concurrency", concurrency, 1, 256);
        requireBetween("batch", batch, 1, 10_000);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("raporto.referral.checks." + name + " must be positive, not " + value);
        }
    }

    private static void requireBetween(String name, int value, int least, int most) {
        if (value < least || value > most) {
            throw new IllegalArgumentException("raporto.referral.checks." + name + " must be between " + least + " and " + most
                    + ", not " + value);
        }
    }
}
