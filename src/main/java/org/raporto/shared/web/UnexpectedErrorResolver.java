package org.raporto.shared.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Turns an exception nothing else handled into a 500 with an {@link ErrorId}: the id and the stack trace go to the
 * log, the id alone to the error page. The log line names the method and path, never the query, the body, the
 * visitor's address or browser.
 */
class UnexpectedErrorResolver implements HandlerExceptionResolver {

    static final String ERROR_ID = UnexpectedErrorResolver.class.getName() + ".errorId";
    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorResolver.class);

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception exception) {
        if (response.isCommitted()) {
            return null;
        }
        ErrorId id = record(request, exception);
        try {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
        catch (java.io.IOException e) {
            log.warn("Could not send the error page for error {}", id, e);
        }
        return new ModelAndView();
    }

    /** Logs the failure under a new id and remembers the id for the error page. */
    static ErrorId record(HttpServletRequest request, Throwable exception) {
        ErrorId id = ErrorId.next();
        request.setAttribute(ERROR_ID, id);
        log.error("Error {} on {} {}", id, request.getMethod(), request.getRequestURI(), exception);
        return id;
    }
}
