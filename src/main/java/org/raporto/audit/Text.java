package org.raporto.audit;

/**
 * Checks on the text an entry holds. What is hashed when an entry is written must be exactly what PostgreSQL gives
 * back when it is verified, so text PostgreSQL would refuse or change is refused here, before anything is stored.
 */
final class Text {

    private Text() {
    }

    /**
     * @return the value, unchanged
     * @throws IllegalArgumentException when the value is empty, longer than {@code max} characters, holds a NUL (which
     *                                  PostgreSQL text cannot) or half of a surrogate pair (which has no UTF-8 form);
     *                                  the message names {@code what}, never the value
     */
    static String check(String what, String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException("The " + what + " must have 1 to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new IllegalArgumentException("The " + what + " holds a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("The " + what + " holds half of a surrogate pair");
            }
        }
        return value;
    }
}
