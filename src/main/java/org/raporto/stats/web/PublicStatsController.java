package org.raporto.stats.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.Categories;
import org.raporto.shared.Language;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.Pages;
import org.raporto.shared.web.SiteMap;
import org.raporto.shared.web.SiteProperties;
import org.raporto.stats.Statistics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /sq/statistika}, {@code /en/statistics}: the public statistics of a year, small cells suppressed, with the
 * methodology in plain words. A year that is no year is answered with the reason and the current year's figures.
 */
@Controller
class PublicStatsController {

    private final Pages pages;
    private final Statistics statistics;
    private final Categories categories;
    private final Clock clock;
    private final SiteProperties site;

    PublicStatsController(Pages pages, Statistics statistics, Categories categories, Clock clock, SiteProperties site) {
        this.pages = pages;
        this.statistics = statistics;
        this.categories = categories;
        this.clock = clock;
        this.site = site;
    }

    @GetMapping({SiteMap.STATISTICS_SQ, SiteMap.STATISTICS_EN})
    String statistics(Language language, Model model, HttpServletResponse response, @RequestParam(required = false) @Nullable String year) {
        int current = LocalDate.now(clock.withZone(site.timeZone())).getYear();
        int chosen = current;
        boolean wrongYear = false;
        if (year != null) {
            if (year.matches("[0-9]{4}") && Integer.parseInt(year) >= 2000 && Integer.parseInt(year) <= current) {
                chosen = Integer.parseInt(year);
            }
            else {
                wrongYear = true;
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        Page page = pages.page(language, "stats.public.title", SiteMap.STATISTICS, wrongYear);
        Map<String, String> categoryNames = new LinkedHashMap<>();
        categories.all().forEach(listed -> categoryNames.put(listed.category().code(), listed.category().in(language).name()));
        model.addAttribute("page", page);
        model.addAttribute("figures", statistics.publicYear(chosen));
        model.addAttribute("labels", new Labels(language, page::t, categoryNames));
        model.addAttribute("wrongYear", wrongYear);
        model.addAttribute("path", language == Language.SQ ? SiteMap.STATISTICS_SQ : SiteMap.STATISTICS_EN);
        return "stats/public";
    }
}
