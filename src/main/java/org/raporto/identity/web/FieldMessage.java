package org.raporto.identity.web;

/**
 * An error beside its field and in the error summary.
 *
 * @param field   the id of the field, which the summary links to
 * @param message in the page's language
 */
public record FieldMessage(String field, String message) {
}
