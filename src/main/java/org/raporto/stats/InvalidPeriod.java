package org.raporto.stats;

/** A period the statistics refuse, with the reason a page can name in the reader's language. */
public class InvalidPeriod extends RuntimeException {

    private final Reason reason;

    public InvalidPeriod(Reason reason) {
        super("Invalid period: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Message key {@code stats.period.error.<name in lower case>}. */
    public enum Reason {
        NOT_A_DATE, ENDS_BEFORE_START, OUT_OF_RANGE, TOO_LONG
    }
}
