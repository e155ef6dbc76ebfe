package org.raporto.tracing;

/** The text given as an address is not one, and why, so that the reporter can be told in their language. */
public class InvalidUrlException extends IllegalArgumentException {

    private final Reason reason;

    public InvalidUrlException(Reason reason) {
        super("Not a web address: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why an address was refused. */
    public enum Reason {
        EMPTY,
        TOO_LONG,
        MALFORMED,
        /** Another scheme than http or https (javascript:, data:, file:, mailto:…). */
        NOT_WEB,
        NO_HOST
    }
}
