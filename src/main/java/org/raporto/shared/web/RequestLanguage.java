package org.raporto.shared.web;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;

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
        return Language.fromPath(path).orElseGet(() -> preferred(request));
    }

    /** The language the visitor's browser prefers, Albanian when it says none we have. */
    public static Language preferred(HttpServletRequest request) {
        return Language.negotiate(acceptLanguage(request));
    }

    /**
     * The browser's preferences as sent, or none when Spring Security's firewall refuses to read them (a control
     * character in the header, which no browser sends): choosing a language must never fail a request.
     */
    private static @Nullable String acceptLanguage(HttpServletRequest request) {
        try {
            return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        }
        catch (RequestRejectedException refused) {
            return null;
        }
    }
}
