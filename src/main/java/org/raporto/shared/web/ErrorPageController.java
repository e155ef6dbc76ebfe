package org.raporto.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error pages: localised, with a way back, never a stack trace. Server failures carry an {@link ErrorId} that
 * is also in the log. API clients, and clients that ask for JSON, get an RFC 9457 problem instead.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final Pages pages;

    ErrorPageController(Pages pages) {
        this.pages = pages;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ErrorId id = errorId(request, status);
        if (wantsJson(request)) {
            ModelAndView problem = new ModelAndView(new ProblemView(status, id));
            problem.setStatus(status);
            return problem;
        }
        ErrorKind kind = request.getAttribute(ErrorView.SESSION_EXPIRED) != null ? ErrorKind.SESSION_EXPIRED : ErrorKind.of(status);
        Page page = pages.page(RequestLanguage.of(request), kind.messageKey() + ".title", LocalizedPaths.home());
        var model = Map.<String, Object>of("page", page, "error", new ErrorView(kind.messageKey(), status.value(), id));
        return new ModelAndView("shared/error", model, status);
    }

    /** API clients, and clients that ask for JSON rather than a page; browsers and anyone unsure get the page. */
    private static boolean wantsJson(HttpServletRequest request) {
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failedPath instanceof String path && path.startsWith("/api/")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.NOT_FOUND;
    }

    /** The id of a server failure: given by {@link UnexpectedErrorResolver}, or made here for failures outside MVC. */
    private static @Nullable ErrorId errorId(HttpServletRequest request, HttpStatus status) {
        if (!status.is5xxServerError()) {
            return null;
        }
        if (request.getAttribute(UnexpectedErrorResolver.ERROR_ID) instanceof ErrorId id) {
            return id;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable exception) {
            return UnexpectedErrorResolver.record(request, exception);
        }
        ErrorId id = ErrorId.next();
        request.setAttribute(UnexpectedErrorResolver.ERROR_ID, id);
        log.warn("Error {}: status {} on {}", id, status.value(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        return id;
    }

    /** An RFC 9457 problem, written by hand: every field is ours (a status and an id), nothing needs escaping. */
    private record ProblemView(HttpStatus status, @Nullable ErrorId id) implements View {

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
        }

        @Override
        public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
            String errorId = id == null ? "" : ",\"errorId\":\"" + id.value() + "\"";
            response.setContentType(getContentType());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                    + "\",\"status\":" + status.value() + errorId + "}");
        }
    }

    /** What the error page says; the template takes its words from {@code error.<kind>.*}. */
    enum ErrorKind {
        NOT_FOUND("error.notFound"),
        FORBIDDEN("error.forbidden"),
        BAD_REQUEST("error.badRequest"),
        SESSION_EXPIRED("error.sessionExpired"),
        SERVER("error.server");

        private final String messageKey;

        ErrorKind(String messageKey) {
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }

        static ErrorKind of(HttpStatus status) {
            if (status.is5xxServerError()) {
                return SERVER;
            }
            return switch (status) {
                case NOT_FOUND, GONE -> NOT_FOUND;
                case UNAUTHORIZED, FORBIDDEN -> FORBIDDEN;
                default -> BAD_REQUEST;
            };
        }
    }
}
