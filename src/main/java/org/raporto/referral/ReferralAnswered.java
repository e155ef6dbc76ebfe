package org.raporto.referral;

import java.time.Instant;
import java.util.UUID;

import org.raporto.intake.ReportId;

/**
 * An agency answered a referral: it acknowledged it ({@link ReferralStatus#ACKNOWLEDGED}), or said what came of it
 * ({@link ReferralStatus#ACTIONED}, {@link ReferralStatus#DECLINED}).
 */
public record ReferralAnswered(UUID referral, ReportId report, String agency, ReferralStatus status, Instant at) {
}
