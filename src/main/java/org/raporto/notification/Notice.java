package org.raporto.notification;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One e-mail to send: to whom, in which language, and what kind. Most kinds carry no free text: they say that
 * something happened and where to look, in words from the message bundles, so nothing a reporter wrote can end up in
 * a mailbox. Only the kinds that are {@link NoticeKind#composed() composed} carry a subject and body, which the calling
 * module writes from its own templates (decision 0007).
 *
 * @param recipient a bare e-mail address ({@code name@example.org}), trimmed; never shown by {@link #toString()}
 * @param link      for the kinds that carry one ({@link NoticeKind#withLink()}), the path on this site the message links
 *                  to, such as {@code /staff/invitation?token=…}; sealed like the address, never shown
 * @param text      for the composed kinds, and only for them, the subject, body and reply address; sealed like the
 *                  address, never shown
 */
public record Notice(String recipient, Language language, NoticeKind kind, @Nullable String link, @Nullable ComposedText text) {

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
        if (kind.composed() != (text != null)) {
            throw new IllegalArgumentException("A " + kind + " notice " + (kind.composed() ? "needs its composed text" : "carries no text of its own"));
        }
    }

    /** A notice of a kind with words from the message bundles, with a link of its own or not. */
    public Notice(String recipient, Language language, NoticeKind kind, @Nullable String link) {
        this(recipient, language, kind, link, null);
    }

    /** A notice without a link of its own. */
    public Notice(String recipient, Language language, NoticeKind kind) {
        this(recipient, language, kind, null, null);
    }

    /**
     * A notice to an agency, in words the caller composed.
     *
     * @param language the language the text is written in, sent as the message's {@code Content-Language}
     */
    public static Notice toAgency(String recipient, Language language, ComposedText text) {
        return new Notice(recipient, language, NoticeKind.AGENCY_NOTICE, null, text);
    }

    /** Without the address, so that a notice in a log or an exception gives nobody away. */
    @Override
    public String toString() {
        return "Notice[" + kind + ", " + language.code() + "]";
    }

    /** Whether the text is exactly one bare address, fit to go into a header as it is. */
    static boolean isAddress(String text) {
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
