package org.raporto.casework;

/**
 * No such case for this analyst: it does not exist, or it is restricted and they are not cleared. The two are
 * deliberately the same answer, so that need to know does not leak even whether a report exists.
 */
public class CaseNotFound extends RuntimeException {

    public CaseNotFound() {
        super("No such case", null, false, false);
    }
}
