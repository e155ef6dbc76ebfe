package org.raporto.shared.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The quick exit: ends the visitor's session here (a half-written report, an opened follow-up) so that whoever
 * takes the device next cannot go back to it, tells the browser to forget this site's cookies and storage, and
 * sends the visitor on to the neutral site.
 */
@Controller
class QuickExitController {

    static final String PATH = "/exit";

    private final SiteSettings site;

    QuickExitController(SiteSettings site) {
        this.site = site;
    }

    @GetMapping(PATH)
    ResponseEntity<Void> exit(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.status(303)
                .header(HttpHeaders.LOCATION, site.quickExitUrl().toString())
                .header("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"")
                .build();
    }
}
