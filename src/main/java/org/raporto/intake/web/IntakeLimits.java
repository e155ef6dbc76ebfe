package org.raporto.intake.web;

import org.raporto.shared.web.RateLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often reports may be sent and receipts tried, per address and for everyone together.
 *
 * @param reportsPerHour       reports one address may send in an hour
 * @param followUpsPerHour     receipts one address may try in an hour
 * @param reportsPerMinute     reports everyone together may send in a minute
 * @param followUpsPerMinute   receipts everyone together may try in a minute
 * @param screenshotsPerHour   screenshots one address may upload in an hour (each costs a decoding)
 * @param screenshotsPerMinute screenshots everyone together may upload in a minute
 * @param withoutProofPerHour   reports, and as many receipts, one address may send in an hour without a proof of
 *                              work (no JavaScript), when proofs are asked for
 * @param withoutProofPerMinute the same for everyone together in a minute: the stricter shared limit
 */
@ConfigurationProperties("raporto.intake.limits")
record IntakeLimits(@DefaultValue("10") long reportsPerHour, @DefaultValue("20") long followUpsPerHour,
        @DefaultValue("600") long reportsPerMinute, @DefaultValue("1200") long followUpsPerMinute,
        @DefaultValue("30") long screenshotsPerHour, @DefaultValue("120") long screenshotsPerMinute,
        @DefaultValue("5") long withoutProofPerHour, @DefaultValue("10") long withoutProofPerMinute) {

    RateLimits.Limit reportsWithoutProof() {
        return new RateLimits.Limit("reports-without-proof", withoutProofPerHour, withoutProofPerMinute);
    }

    RateLimits.Limit followUpsWithoutProof() {
        return new RateLimits.Limit("follow-ups-without-proof", withoutProofPerHour, withoutProofPerMinute);
    }

    RateLimits.Limit screenshots() {
        return new RateLimits.Limit("screenshots", screenshotsPerHour, screenshotsPerMinute);
    }

    RateLimits.Limit reports() {
        return new RateLimits.Limit("reports", reportsPerHour, reportsPerMinute);
    }

    RateLimits.Limit followUps() {
        return new RateLimits.Limit("follow-ups", followUpsPerHour, followUpsPerMinute);
    }
}
