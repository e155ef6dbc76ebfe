package org.raporto.notification;

import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Says what went wrong with a send in a line fit for the log and the outbox table. SMTP errors and the exceptions
 * around them quote the recipient ("550 5.1.1 &lt;name@example.org&gt;: no such user"), so exceptions are never
 * logged or stored as they are: anything that looks like an address is cut out.
 */
final class Failures {

    static final int MAX_LENGTH = 300;

    /** Deep enough for Spring's wrapper, Jakarta Mail's exception, the SMTP answer and the socket error below. */
    private static final int MAX_DEPTH = 5;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"']*@[^\\s<>()\\[\\],;:\"']*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Failures() {
    }

    /**
     * Each cause's kind and message, outermost first ("MailConnectException: Couldn't connect to host…; caused by
     * ConnectException: Connection refused"), without addresses or line breaks, at most {@value #MAX_LENGTH}
     * characters.
     */
    static String describe(Throwable failure) {
        StringJoiner text = new StringJoiner("; caused by ");
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            Throwable next = next(cause);
            // Spring's wrapper only repeats, in its message, what the causes below it say.
            if (!(cause instanceof MailException) || next == null) {
                text.add(line(cause));
            }
            cause = next == cause ? null : next;
        }
        String described = text.toString();
        return described.length() <= MAX_LENGTH ? described : described.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String line(Throwable cause) {
        String kind = cause.getClass().getSimpleName();
        if (cause.getMessage() == null) {
            return kind;
        }
        String message = WHITESPACE.matcher(cause.getMessage()).replaceAll(" ").strip();
        return kind + ": " + ADDRESS.matcher(message).replaceAll("[address]");
    }

    /** Spring keeps the failure of each message beside its exception, not under it. */
    private static @Nullable Throwable next(Throwable cause) {
        if (cause instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            return send.getMessageExceptions()[0];
        }
        return cause.getCause();
    }
}
