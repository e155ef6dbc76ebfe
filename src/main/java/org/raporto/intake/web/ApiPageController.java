package org.raporto.intake.web;

import java.util.List;

import org.raporto.intake.Categories;
import org.raporto.intake.Category;
import org.raporto.intake.ProofOfWork;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.Pages;
import org.raporto.shared.web.SiteMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

/** The reporting API described for people: what an app or a partner's system needs to send reports and follow them. */
@Controller
class ApiPageController {

    private final Pages pages;
    private final Messages messages;
    private final Categories categories;
    private final ProofOfWork proofOfWork;
    private final IntakeLimits limits;
    private final ApiExamples.Writer writer;

    ApiPageController(Pages pages, Messages messages, Categories categories, ProofOfWork proofOfWork, IntakeLimits limits, JsonMapper json) {
        this.pages = pages;
        this.messages = messages;
        this.categories = categories;
        this.proofOfWork = proofOfWork;
        this.limits = limits;
        this.writer = new ApiExamples.Writer(json);
    }

    @GetMapping({SiteMap.API_SQ, SiteMap.API_EN})
    String api(Language language, Model model) {
        List<Category> active = categories.active();
        ApiExamples shown = ApiExamples.of(writer, messages, proofOfWork, active.isEmpty() ? null : active.get(0));
        model.addAttribute("page", pages.page(language, "apiPage.title", SiteMap.API));
        model.addAttribute("api", ApiReference.of(language, messages, proofOfWork, limits, active, shown));
        return "intake/api";
    }
}
