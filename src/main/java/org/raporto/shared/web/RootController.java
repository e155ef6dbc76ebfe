package org.raporto.shared.web;

import org.raporto.shared.Language;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

/** The bare address sends each visitor to the home page in their language, Albanian when we cannot tell. */
@Controller
class RootController {

    @GetMapping("/")
    ResponseEntity<Void> root(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, RequestLanguage.preferred(request).homePath())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    /** {@code /sq} and {@code /en} without the final slash. */
    @GetMapping({"/sq", "/en"})
    ResponseEntity<Void> languageRoot(Language language) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, language.homePath()).build();
    }
}
