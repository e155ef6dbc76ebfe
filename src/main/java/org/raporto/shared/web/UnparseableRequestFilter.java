package org.raporto.shared.web;

import java.io.IOException;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tomcat reads the fields of a form when something first asks for one (the form-token check of Spring Security,
 * before any controller), and answers a file name with a NUL character in it with an unchecked exception from that
 * call, outside Spring MVC. No browser sends such a name: the request is answered 400 with the error page, and
 * nothing of it is logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnparseableRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (RuntimeException failure) {
            if (!unparseable(failure) || response.isCommitted()) {
                throw failure;
            }
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private static boolean unparseable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException) {
                return true;
            }
        }
        return false;
    }
}
