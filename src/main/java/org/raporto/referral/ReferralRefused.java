package org.raporto.referral;

import org.jspecify.annotations.Nullable;

/** A referral, or an answer to one, that cannot be made; the page says why in the reader's language. */
public class ReferralRefused extends RuntimeException {

    private final Reason reason;
    private final @Nullable String agency;

    ReferralRefused(Reason reason, @Nullable String agency) {
        super("Referral refused: " + reason);
        this.reason = reason;
        this.agency = agency;
    }

    public Reason reason() {
        return reason;
    }

    /** The agency's name it is about, if any, to name it in the message. */
    public @Nullable String agency() {
        return agency;
    }

    /** Why; each has a message {@code referral.refused.<REASON>}. */
    public enum Reason {
        NOTHING_CHOSEN, UNKNOWN_AGENCY, NOT_APPROVED, NOT_READY, NO_CHANNEL, ITEM_NOT_REFERABLE, REPORTER_ONLY_TO_POLICE, ALREADY_REFERRED,
        POLICE_FIRST_WITHOUT_POLICE, UNKNOWN_REFERRAL, WRONG_STATE, REASON_NEEDED
    }
}
