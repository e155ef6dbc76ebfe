package org.raporto.identity.web;

import org.raporto.identity.Role;
import org.raporto.identity.StaffUser;
import org.raporto.shared.web.StaffPages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

/** The staff area's front page: what the person signed in can do, by their roles. */
@Controller
class StaffHomeController {

    static final String HOME = "/staff/";
    static final String PARTNER_HOME = "/partner/";

    private final StaffPages pages;

    StaffHomeController(StaffPages pages) {
        this.pages = pages;
    }

    /** Partners have a home of their own, the referrals to their agency. */
    @GetMapping(HOME)
    Object home(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser user) {
        if (user.has(Role.PARTNER)) {
            return SignInController.redirect(PARTNER_HOME);
        }
        model.addAttribute("page", pages.page(request, "staff.home.title", false));
        model.addAttribute("csrf", csrf);
        return "identity/home";
    }

    @GetMapping("/staff")
    Object withoutSlash() {
        return SignInController.redirect(HOME);
    }
}
