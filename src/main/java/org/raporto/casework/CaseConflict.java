package org.raporto.casework;

/** The action does not fit where the case stands now (someone else holds it, or it moved on meanwhile). */
public class CaseConflict extends RuntimeException {

    private final Reason reason;

    public CaseConflict(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why, so that the page can say it in the analyst's language. */
    public enum Reason {
        CLAIMED_BY_SOMEONE_ELSE, WRONG_STATE, NOT_ALL_CLASSIFIED, OWN_CLASSIFICATION, NOTHING_TO_CONFIRM,
        NO_EARLIER_ASSESSMENT, MERGE_TARGET_UNKNOWN, ERASED
    }
}
