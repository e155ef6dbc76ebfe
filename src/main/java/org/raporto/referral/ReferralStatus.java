package org.raporto.referral;

/**
 * Where a referral stands: {@code QUEUED → SENT → ACKNOWLEDGED → ACTIONED | DECLINED}. A partner may answer before
 * acknowledging, so an outcome may follow a sent referral directly.
 */
public enum ReferralStatus {
    /** Made, its first notice not yet delivered (waiting for the sending window, the police, or the mail server). */
    QUEUED,
    /** Delivered: the first e-mail was accepted by the mail server, or the agency reads the partner portal. */
    SENT,
    /** The agency said it has it. */
    ACKNOWLEDGED,
    /** The agency acted: removed the content, or opened an investigation. */
    ACTIONED,
    /** The agency will not act, and said why. */
    DECLINED;

    public boolean isFinished() {
        return this == ACTIONED || this == DECLINED;
    }

    public boolean canBecome(ReferralStatus next) {
        return switch (this) {
            case QUEUED -> next == SENT;
            case SENT -> next == ACKNOWLEDGED || next == ACTIONED || next == DECLINED;
            case ACKNOWLEDGED -> next == ACTIONED || next == DECLINED;
            case ACTIONED, DECLINED -> false;
        };
    }
}
