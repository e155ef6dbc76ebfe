package org.raporto.shared.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security's firewall checks parameter names and header values only when something reads them, in the
 * middle of handling the request: one it refuses (a control character, a code point no character is assigned to)
 * makes a bad request, answered 400 with the error page, not a server error. Nothing is logged: what was refused is
 * what the visitor sent.
 */
class RejectedRequestResolver implements HandlerExceptionResolver {

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, @Nullable Object handler,
            Exception exception) {
        if (!(exception instanceof RequestRejectedException) || response.isCommitted()) {
            return null;
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
