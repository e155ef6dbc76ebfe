package org.raporto.shared.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests that cannot be read as they came are bad requests, answered 400 with the error page, not server errors:
 * <ul>
 * <li>Spring Security's firewall checks parameter names and header values only when something reads them, in the
 * middle of handling: it refuses one with a control character, or a code point no character is assigned to;</li>
 * <li>a multipart form whose part headers do not parse (a file name with a bare quote in it, which browsers
 * escape). Forms over the size limits are answered 413 before this.</li>
 * </ul>
 * Nothing is logged: what was refused is what the visitor sent.
 */
class UnreadableRequestResolver implements HandlerExceptionResolver {

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, @Nullable Object handler,
            Exception exception) {
        boolean unreadable = exception instanceof RequestRejectedException || exception instanceof MultipartException;
        if (!unreadable || response.isCommitted()) {
            return null;
        }
        if (exception instanceof MultipartException) {
            // Spring MVC parses a multipart form again for the error page unless it sees that this failed before.
            request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, exception);
        }
        try {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
