package org.raporto.intake.web;

import java.util.Map;

import org.raporto.shared.Language;
import org.raporto.shared.web.LocalizedPaths;
import org.raporto.shared.web.Pages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The friendly answer, with the helpline, to an address over its limit or a form a robot filled in (HTTP 429). */
@Component
@EnableConfigurationProperties(IntakeLimits.class)
class TooManyAttempts {

    private final Pages pages;

    TooManyAttempts(Pages pages) {
        this.pages = pages;
    }

    ModelAndView page(Language language, LocalizedPaths where) {
        return new ModelAndView("intake/limited", Map.of("page", pages.page(language, "limit.title", where)), HttpStatus.TOO_MANY_REQUESTS);
    }
}
