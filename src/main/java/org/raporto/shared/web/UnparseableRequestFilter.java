package org.raporto.shared.web;

import java.io.IOException;
import java.util.Arrays;

import org.apache.catalina.connector.Request;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tomcat reads the fields of a form when something first asks for one (the form-token check of Spring Security,
 * before any controller) and throws from that call, outside Spring MVC, when it cannot. For a plain form it says
 * with which status to answer; for a multipart form it throws a bare exception: its text fields together over the
 * form limit (a long message pasted beside a screenshot), or a file name with a NUL character in it. Every form
 * Tomcat cannot read is answered with the error page, 413 when it is too large and 400 otherwise, and nothing of it
 * is logged.
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
            int status = status(failure);
            if (status == 0 || response.isCommitted()) {
                throw failure;
            }
            // Spring MVC parses a multipart form again for the error page unless it sees that this failed before.
            request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, new MultipartException("The form could not be read", failure));
            response.sendError(status);
        }
    }

    /** The status for a form Tomcat could not read; 0 for a failure of anything else. */
    private static int status(RuntimeException failure) {
        if (failure instanceof InvalidParameterException invalid) {
            return invalid.getErrorCode() >= 400 ? invalid.getErrorCode() : HttpServletResponse.SC_BAD_REQUEST;
        }
        boolean readingParts = Arrays.stream(failure.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(Request.class.getName()) && frame.getMethodName().equals("parseParts"));
        if (!readingParts) {
            return 0;
        }
        // Of what parsing the parts throws, only the form limit is a bare IllegalStateException (Tomcat 11).
        return failure instanceof IllegalStateException ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST;
    }
}
