package org.raporto.identity.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.raporto.shared.web.StaffPages;

import jakarta.servlet.http.HttpServletRequest;

/** The staff area's front page: what the person signed in can do, by their roles. */
@Controller
class StaffHomeController {

    static final String HOME = "/staff/";

    private final StaffPages pages;

    StaffHomeController(StaffPages pages) {
        this.pages = pages;
    }

    @GetMapping(HOME)
    String home(HttpServletRequest request, CsrfToken csrf, Model model) {
        model.addAttribute("page", pages.page(request, "staff.home.title", false));
        model.addAttribute("csrf", csrf);
        return "identity/home";
    }

    @GetMapping("/staff")
    Object withoutSlash() {
        return SignInController.redirect(HOME);
    }
}
