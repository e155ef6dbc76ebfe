package org.raporto.content.web;

import org.raporto.shared.Language;
import org.raporto.shared.web.Pages;
import org.raporto.shared.web.SiteMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's fixed pages: the home page and "About us". */
@Controller
class PortalController {

    private final Pages pages;

    PortalController(Pages pages) {
        this.pages = pages;
    }

    @GetMapping({"/sq/", "/en/"})
    String home(Language language, Model model) {
        model.addAttribute("page", pages.page(language, "home.title", SiteMap.HOME));
        return "content/home";
    }

    @GetMapping({SiteMap.ABOUT_SQ, SiteMap.ABOUT_EN})
    String about(Language language, Model model) {
        model.addAttribute("page", pages.page(language, "about.title", SiteMap.ABOUT));
        return "content/about";
    }
}
