package org.raporto.intake;

/** A submission token that was already used for a different report; nothing was stored. */
public class SubmissionConflict extends RuntimeException {

    public SubmissionConflict() {
        super("The submission token was already used for a different report");
    }
}
