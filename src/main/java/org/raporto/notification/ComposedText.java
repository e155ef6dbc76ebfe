package org.raporto.notification;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The subject and body of a notice whose words the calling module composed itself, from its message bundles: a
 * referral to an agency names the case, the reported addresses and their classification (decision 0007). Never what
 * a reporter wrote: that stays in Raporto, sealed.
 * <p>
 * Checked here so that nothing composed can change the message's headers: the subject is one line, and neither it nor
 * the body holds a control character other than line breaks and tabs in the body. Line breaks in the body are
 * normalised to {@code \n}, which the mail library writes as SMTP needs; blanks at its end are dropped, for the last
 * line break does not survive SMTP anyway (it is part of the end of the data).
 *
 * @param subject one line of 1 to {@value #MAX_SUBJECT} characters, trimmed
 * @param body    1 to {@value #MAX_BODY} characters of plain text
 * @param replyTo where answers should go (a bare address, such as the hotline's referral desk); null: to the sender
 */
public record ComposedText(String subject, String body, @Nullable String replyTo) {

    public static final int MAX_SUBJECT = 200;

    /** Far more than a referral with a hundred addresses needs, far less than a mail server refuses. */
    public static final int MAX_BODY = 100_000;

    /**
     * @throws IllegalArgumentException when a part is empty, too long, holds a control character or cannot be written
     *                                  in UTF-8, or the reply address is not one bare address; the message never
     *                                  repeats the text
     */
    public ComposedText {
        subject = subject.strip();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("A notice's subject has 1 to " + MAX_SUBJECT + " characters");
        }
        if (!plain(subject, false)) {
            throw new IllegalArgumentException("A notice's subject is one line without control characters");
        }
        body = body.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        if (body.isBlank() || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("A notice's body has 1 to " + MAX_BODY + " characters");
        }
        if (!plain(body, true)) {
            throw new IllegalArgumentException("A notice's body is plain text without control characters");
        }
        if (replyTo != null) {
            replyTo = replyTo.strip();
            if (!Notice.isAddress(replyTo)) {
                throw new IllegalArgumentException("A notice's reply address is not one e-mail address");
            }
        }
    }

    /** Without the words, which may name a case: a notice in a log gives nothing away. */
    @Override
    public String toString() {
        return "ComposedText[" + subject.length() + " + " + body.length() + " characters]";
    }

    /**
     * No control characters (C0, DEL, C1), no Unicode line or paragraph separators in a header, and nothing UTF-8
     * cannot write (a lone surrogate).
     */
    private static boolean plain(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\t';
            if ((Character.isISOControl(c) && !(multiline && lineBreak)) || (!multiline && (c == '\u2028' || c == '\u2029'))) {
                return false;
            }
        }
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }
}
