package org.raporto.intake.web;

import org.raporto.intake.Categories;
import org.raporto.shared.Language;
import org.raporto.shared.web.Pages;
import org.raporto.shared.web.SiteMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** RAPORTO! for the public: what can be reported here, what belongs elsewhere, and what to keep in mind first. */
@Controller
class ReportingController {

    private final Pages pages;
    private final Categories categories;

    ReportingController(Pages pages, Categories categories) {
        this.pages = pages;
        this.categories = categories;
    }

    @GetMapping({"/sq/raporto", "/en/raporto"})
    String beforeReporting(Language language, Model model) {
        model.addAttribute("page", pages.page(language, "report.before.title", SiteMap.REPORT));
        model.addAttribute("categories", categories.active().stream().map(category -> category.in(language)).toList());
        model.addAttribute("formPath", ReportFormController.FORM.in(language));
        model.addAttribute("followUpPath", SiteMap.FOLLOW_UP.in(language));
        return "intake/before";
    }
}
