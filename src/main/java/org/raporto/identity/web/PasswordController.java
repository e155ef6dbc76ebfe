package org.raporto.identity.web;

import java.time.Clock;
import java.util.List;

import org.raporto.identity.StaffAccounts;
import org.raporto.identity.StaffUser;
import org.raporto.identity.WeakPassword;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Changing one's own password: every other session of the account ends; this one goes on. */
@Controller
class PasswordController {

    static final String PASSWORD = "/staff/account/password";

    private final StaffPages pages;
    private final StaffAccounts accounts;
    private final Clock clock;

    PasswordController(StaffPages pages, StaffAccounts accounts, Clock clock) {
        this.pages = pages;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping(PASSWORD)
    String form(HttpServletRequest request, CsrfToken csrf, Model model) {
        return page(request, csrf, model, List.of(), false);
    }

    @PostMapping(PASSWORD)
    String change(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf, Model model,
            @AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation) {
        StaffPage page = pages.page(request, "password.title", true);
        if (!password.equals(confirmation)) {
            return page(request, csrf, model, List.of(new FieldError("confirmation", page.t("activation.error.confirmation"))), false);
        }
        try {
            if (current.length() > 1000 || !accounts.changePassword(user.id(), current, password)) {
                return page(request, csrf, model, List.of(new FieldError("current", page.t("password.error.current"))), false);
            }
        }
        catch (WeakPassword weak) {
            return page(request, csrf, model, List.of(new FieldError("password",
                    page.t("activation.error.password." + weak.weakness().name(), org.raporto.identity.PasswordPolicy.MIN_LENGTH))), false);
        }
        // Sessions signed in before the change end; this one is signed in again from now, under a new id.
        StaffUser renewed = accounts.user(user.id(), clock.instant()).orElseThrow();
        request.changeSessionId();
        SignedInSessions.store(renewed, request, response);
        return page(request, csrf, model, List.of(), true);
    }

    private String page(HttpServletRequest request, CsrfToken csrf, Model model, List<FieldError> errors, boolean changed) {
        model.addAttribute("page", pages.page(request, "password.title", !errors.isEmpty()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("errors", errors);
        model.addAttribute("changed", changed);
        return "identity/password";
    }
}
