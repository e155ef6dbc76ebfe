package org.raporto.shared;

import java.util.regex.Pattern;

/**
 * What Raporto takes as an e-mail address typed by a person (a reporter's contact, a staff member's login): a local
 * part without spaces or markup, an @, and a domain with a dot. Deliberately loose — the mail server is the judge —
 * but enough to catch a phone number or a name typed in the wrong field.
 */
public final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    private EmailAddresses() {
    }

    /** Whether the text, without the spaces around it, is an address. */
    public static boolean isValid(String text) {
        return ADDRESS.matcher(text.strip()).matches();
    }
}
