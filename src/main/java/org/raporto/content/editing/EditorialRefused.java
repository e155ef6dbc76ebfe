package org.raporto.content.editing;

import java.util.List;

/**
 * An editorial step that was not taken, and why; nothing was changed.
 *
 * @param fields for {@link Reason#INVALID}: the {@code field.problem} codes of what to correct
 */
public class EditorialRefused extends RuntimeException {

    public enum Reason {
        /** Someone saved the article after the form was opened. */
        STALE,
        /** Not a step the article's state allows. */
        WRONG_STATE,
        /** A reviewer may not publish what they wrote or changed themselves. */
        OWN_WORK,
        /** What was typed has problems: see {@link #fields()}. */
        INVALID
    }

    private final Reason reason;
    private final List<String> fields;

    EditorialRefused(Reason reason) {
        this(reason, List.of());
    }

    EditorialRefused(Reason reason, List<String> fields) {
        super(reason + (fields.isEmpty() ? "" : " " + fields));
        this.reason = reason;
        this.fields = List.copyOf(fields);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> fields() {
        return fields;
    }
}
