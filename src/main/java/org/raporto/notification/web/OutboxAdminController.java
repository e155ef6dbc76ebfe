package org.raporto.notification.web;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.raporto.audit.Actor;
import org.raporto.notification.DeadLetters;
import org.raporto.shared.web.SignedIn;
import org.raporto.shared.web.StaffPages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /staff/admin/outbox}: how many e-mails wait, are sent or were given up, how long the oldest has waited, why
 * nothing is sent when no mail server is configured, and the dead letters, each to send again or discard. Never an
 * address or a text: those stay sealed.
 */
@Controller
class OutboxAdminController {

    static final String OUTBOX = "/staff/admin/outbox";

    /** What the page may say was done; anything else in the parameter is ignored. */
    private static final Set<String> DONE = Set.of("sentAgain", "discarded", "gone");

    private final StaffPages pages;
    private final DeadLetters deadLetters;

    OutboxAdminController(StaffPages pages, DeadLetters deadLetters) {
        this.pages = pages;
        this.deadLetters = deadLetters;
    }

    @GetMapping(OUTBOX)
    String outbox(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String done) {
        model.addAttribute("page", pages.page(request, "outbox.title", false));
        model.addAttribute("csrf", csrf);
        model.addAttribute("outbox", deadLetters.overview());
        model.addAttribute("done", DONE.contains(done) ? done : "");
        return "notification/admin-outbox";
    }

    @PostMapping(OUTBOX + "/{id}/send-again")
    String sendAgain(@AuthenticationPrincipal SignedIn admin, @PathVariable String id) {
        boolean queued = id(id).map(message -> deadLetters.sendAgain(message, new Actor(admin.id(), admin.name()))).orElse(false);
        return "redirect:" + OUTBOX + "?done=" + (queued ? "sentAgain" : "gone");
    }

    @PostMapping(OUTBOX + "/{id}/discard")
    String discard(@AuthenticationPrincipal SignedIn admin, @PathVariable String id) {
        boolean discarded = id(id).map(message -> deadLetters.discard(message, new Actor(admin.id(), admin.name()))).orElse(false);
        return "redirect:" + OUTBOX + "?done=" + (discarded ? "discarded" : "gone");
    }

    private static Optional<UUID> id(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        }
        catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
