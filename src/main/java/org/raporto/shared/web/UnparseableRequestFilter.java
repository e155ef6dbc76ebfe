package org.raporto.shared.web;

import java.io.IOException;

import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters.FailReason;
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
 * before any controller). Where a multipart form cannot be read, it throws from that call, outside Spring MVC: its
 * text fields together over the form limit (a long message pasted beside a screenshot), a file name with a NUL
 * character in it. Such a request is answered like any other form Tomcat cannot read, with the error page: 413 when
 * it is too large, 400 otherwise; nothing of it is logged.
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
            // Tomcat notes why it could not read the fields; without a note the failure is someone else's.
            Object reason = request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR);
            if (reason == null || response.isCommitted()) {
                throw failure;
            }
            // Spring MVC parses a multipart form again for the error page unless it sees that this failed before.
            request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, new MultipartException("The form could not be read", failure));
            response.sendError(reason == FailReason.POST_TOO_LARGE ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
