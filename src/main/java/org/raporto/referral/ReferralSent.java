package org.raporto.referral;

import java.time.Instant;
import java.util.UUID;

import org.raporto.intake.ReportId;

/** A referral reached its agency: the first notice was delivered, or the agency reads the partner portal. */
public record ReferralSent(UUID referral, ReportId report, String agency, AgencyKind kind, Instant at) {
}
