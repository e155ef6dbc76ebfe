package org.raporto.shared.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The error pages: localised, with a way back, never a stack trace. Server failures carry an {@link ErrorId} that
 * is also in the log. Clients that ask for JSON get an RFC 9457 problem instead.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final Pages pages;

    ErrorPageController(Pages pages) {
        this.pages = pages;
    }

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        ErrorKind kind = ErrorKind.of(status);
        Language language = RequestLanguage.of(request);
        Page page = pages.page(language, kind.messageKey() + ".title", LocalizedPaths.home());
        var model = Map.<String, Object>of("page", page, "error", new ErrorView(kind.messageKey(), status.value(), errorId(request, status)));
        return new ModelAndView("shared/error", model, status);
    }

    @RequestMapping(path = "/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        ErrorId id = errorId(request, status);
        if (id != null) {
            problem.setProperty("errorId", id.value());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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

    /** What the error page says; the template takes its words from {@code error.<kind>.*}. */
    enum ErrorKind {
        NOT_FOUND("error.notFound"),
        FORBIDDEN("error.forbidden"),
        BAD_REQUEST("error.badRequest"),
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
