package org.raporto.intake;

import java.util.regex.Pattern;

import org.raporto.shared.EmailAddresses;

/**
 * How a reporter who chose not to stay anonymous wants to be contacted.
 *
 * @param kind  e-mail or phone
 * @param value the address or number, trimmed
 */
public record Contact(Kind kind, String value) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,24}[0-9]");

    public Contact {
        value = value.strip();
        if (!isValid(kind, value)) {
            throw new IllegalArgumentException("Not a valid " + kind);
        }
    }

    public static boolean isValid(Kind kind, String value) {
        return kind == Kind.EMAIL ? EmailAddresses.isValid(value) : PHONE.matcher(value.strip()).matches();
    }

    /** E-mail or phone. */
    public enum Kind {
        EMAIL, PHONE
    }
}
