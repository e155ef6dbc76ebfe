package org.raporto.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.casework.Classification;
import org.raporto.intake.ReportId;

/**
 * A report, or some of its items, passed to one agency; with the notices sent about it and the agency's answer.
 *
 * @param takedown     whether notices follow the notice-and-takedown schedule (hosts, platforms, registrars)
 * @param heldForPolice whether its notice waits until the police agree
 * @param withReporter whether the reporter's words and contact go with it (law enforcement, with their agreement)
 * @param nextNoticeAt when the next notice is due; null when none is
 */
public record Referral(UUID id, ReportId report, String reference, Agency agency, ReferralStatus status, boolean restricted,
        boolean takedown, boolean heldForPolice, boolean withReporter, String createdBy, Instant createdAt, @Nullable Instant nextNoticeAt,
        @Nullable Instant sentAt, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable Outcome outcome,
        @Nullable String outcomeReason, @Nullable Instant outcomeAt, @Nullable String outcomeBy, @Nullable String ownerAgency,
        @Nullable String registrarAgency, List<Item> items, List<Notice> notices) {

    public Referral {
        items = List.copyOf(items);
        notices = List.copyOf(notices);
    }

    /** How long the agency took to answer, from the first notice; null until it answered. */
    public @Nullable Duration timeToAnswer() {
        Instant answered = acknowledgedAt != null ? acknowledgedAt : outcomeAt;
        return sentAt == null || answered == null ? null : Duration.between(sentAt, answered);
    }

    /**
     * One item passed on.
     *
     * @param target  the address, or the account as the reporter typed it
     * @param outcome what the hotline found it to be
     */
    public record Item(int position, String target, boolean isUrl, Classification.@Nullable Outcome outcome) {
    }

    /** A message sent about the referral. */
    public record Notice(UUID message, NoticeKind kind, String agency, Instant queuedAt, @Nullable Instant sentAt, @Nullable Instant givenUpAt) {
    }

    /** What the agency did. */
    public enum Outcome {
        REMOVED, INVESTIGATION_OPENED, DECLINED;

        ReferralStatus status() {
            return this == DECLINED ? ReferralStatus.DECLINED : ReferralStatus.ACTIONED;
        }
    }
}
