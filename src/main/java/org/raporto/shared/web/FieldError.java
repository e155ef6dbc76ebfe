package org.raporto.shared.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An answer that cannot be accepted, for the error summary and beside the field.
 *
 * @param field   the id of the field, which the summary links to
 * @param message the explanation, in the page's language
 */
public record FieldError(String field, String message) {

    /** The message for a field, or null when it has none. */
    public static @Nullable String of(List<FieldError> errors, String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }
}
