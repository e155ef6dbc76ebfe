package org.raporto.shared.web;

import java.security.SecureRandom;

/**
 * A short random reference for one failure, shown to the visitor and written to the log with the details, so that
 * support can find what happened without the visitor having to describe it.
 */
public record ErrorId(String value) {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public ErrorId {
        if (!value.matches("[0-9A-HJKMNP-TV-Z]{10}")) {
            throw new IllegalArgumentException("Not an error id: " + value);
        }
    }

    /** Ten Crockford base-32 characters: 50 random bits, no two failures in a lifetime share one. */
    public static ErrorId next() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new ErrorId(new String(id));
    }

    @Override
    public String toString() {
        return value;
    }
}
