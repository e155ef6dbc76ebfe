package org.raporto.notification;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One e-mail to send: to whom, in which language, and what kind. There is deliberately no free text: a notice says
 * that something happened and where to look, so nothing a reporter wrote can end up in a mailbox.
 *
 * @param recipient a bare e-mail address ({@code name@example.org}), trimmed; never shown by {@link #toString()}
 * @param link      for the kinds that carry one ({@link NoticeKind#withLink()}), the path on this site the message links
 *                  to, such as {@code /staff/invitation?token=…}; sealed like the address, never shown
 */
public record Notice(String recipient, Language language, NoticeKind kind, @Nullable String link) {

    /** The longest address SMTP can carry (RFC 5321 path limit less the angle brackets). */
    private static final int MAX_ADDRESS = 254;

    /** A path on this site, with a query of plain characters: never another host, never anything to escape. */
    private static final Pattern LINK = Pattern.compile("/[A-Za-z0-9/_.~-]{1,200}(\\?[A-Za-z0-9_.~=&-]{1,300})?");

    /**
     * @throws IllegalArgumentException when the recipient is not a single bare e-mail address; the message does not
     *                                  repeat it
     */
    public Notice {
        recipient = recipient.strip();
        if (!isAddress(recipient)) {
            throw new IllegalArgumentException("The recipient of a " + kind + " notice is not an e-mail address");
        }
        if (kind.withLink() != (link != null) || (link != null && !LINK.matcher(link).matches())) {
            throw new IllegalArgumentException("A " + kind + " notice " + (kind.withLink() ? "needs a path on this site" : "carries no link"));
        }
    }

    /** A notice without a link of its own. */
    public Notice(String recipient, Language language, NoticeKind kind) {
        this(recipient, language, kind, null);
    }

    /** Without the address, so that a notice in a log or an exception gives nobody away. */
    @Override
    public String toString() {
        return "Notice[" + kind + ", " + language.code() + "]";
    }

    private static boolean isAddress(String text) {
        if (text.length() > MAX_ADDRESS || text.indexOf('@') < 1) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            // No display name, group or comment: exactly the address, which then goes into the To header as it is.
            return !parsed.isGroup() && parsed.getPersonal() == null && text.equals(parsed.getAddress());
        }
        catch (AddressException malformed) {
            return false;
        }
    }
}
