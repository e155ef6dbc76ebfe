package org.raporto.identity;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time codes for when the authenticator app is lost: 10 characters of Crockford's base 32 (50 random bits),
 * shown as two groups of five. Typed back, case, spaces, dashes and the look-alikes O/0 and I/L/1 do not matter.
 */
final class RecoveryCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 10;

    private RecoveryCode() {
    }

    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored, or empty when what was typed cannot be a recovery code. */
    static String normalised(String typed) {
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != LENGTH) {
            return "";
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return "";
            }
        }
        return code;
    }
}
