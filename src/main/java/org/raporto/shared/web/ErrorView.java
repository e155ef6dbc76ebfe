package org.raporto.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * What the error page shows.
 *
 * @param messageKey the prefix of its words: {@code <messageKey>.title} and {@code <messageKey>.explanation}
 * @param status     the HTTP status
 * @param id         the id of a server failure, to quote to support; null for other errors
 */
public record ErrorView(String messageKey, int status, @Nullable ErrorId id) {

    /**
     * Request attribute set when a form was refused because its session had ended (its CSRF token no longer
     * matches): the visitor is told that, not that the page is for staff.
     */
    public static final String SESSION_EXPIRED = ErrorView.class.getName() + ".sessionExpired";

    public String titleKey() {
        return messageKey + ".title";
    }

    public String explanationKey() {
        return messageKey + ".explanation";
    }
}
