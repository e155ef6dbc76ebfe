package org.raporto.shared.web;

import org.raporto.shared.Language;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** The language of a request: the first segment of its path, else the visitor's browser preference. */
public final class RequestLanguage {

    private RequestLanguage() {
    }

    public static Language of(HttpServletRequest request) {
        // An error page is rendered for the address that failed, not for /error.
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failedPath instanceof String uri ? uri : request.getRequestURI();
        String contextPath = request.getContextPath();
        if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        return Language.fromPath(path).orElseGet(() -> Language.negotiate(request.getHeader("Accept-Language")));
    }
}
