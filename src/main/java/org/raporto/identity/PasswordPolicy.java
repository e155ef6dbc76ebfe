package org.raporto.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be: long (12 characters or more, up to 200), and none of the 10,000 passwords people
 * choose most (shipped in {@code identity/common-passwords.txt}), compared without regard to case. Length beats
 * composition rules, which make passwords harder to remember and no harder to guess (NIST SP 800-63B).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/common-passwords.txt is missing from the application");
            }
            Set<String> common = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .forEach(line -> common.add(line.strip().toLowerCase(Locale.ROOT)));
            return new PasswordPolicy(Set.copyOf(common));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused, or empty when it may be used. */
    public Optional<Weakness> check(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Weakness.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of(Weakness.COMMON);
        }
        String name = email.contains("@") ? email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) : "";
        if (name.length() >= 4 && lower.contains(name)) {
            return Optional.of(Weakness.CONTAINS_EMAIL);
        }
        return Optional.empty();
    }

    /** Why a password is refused; each has its own message. */
    public enum Weakness {
        TOO_SHORT, TOO_LONG, COMMON, CONTAINS_EMAIL
    }
}
