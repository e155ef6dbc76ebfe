package org.raporto.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.raporto.shared.i18n.Messages;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * JSON requests to the API may be at most 64 KiB: larger ones are refused before anything reads them (413), and a
 * body sent without a length stops being read at the limit.
 */
@Component
public class ApiRequestSizeLimit extends OncePerRequestFilter {

    /** The most a request body to the API may have, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private final Messages messages;

    ApiRequestSizeLimit(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // The message is ours and holds no quote or backslash, so it needs no JSON escaping.
            String detail = messages.get(RequestLanguage.preferred(request), "api.error.tooLarge");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\""
                    + detail + "\",\"maxBytes\":" + MAX_BYTES + "}");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new Limited(super.getInputStream());
            }
        }, response);
    }

    /** Reads no further than the limit. */
    private static final class Limited extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Limited(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > MAX_BYTES) {
                throw new IOException("Request body over " + MAX_BYTES + " bytes");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > MAX_BYTES) {
                throw new IOException("Request body over " + MAX_BYTES + " bytes");
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
