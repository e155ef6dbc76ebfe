package org.raporto.content.web;

import org.jspecify.annotations.Nullable;
import org.raporto.content.ContentSearch;
import org.raporto.content.ContentSearchFilters;
import org.raporto.content.ContentSearchResults;
import org.raporto.shared.Language;
import org.raporto.shared.web.Pages;
import org.raporto.shared.web.SiteMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's search page: a GET form, so it works without JavaScript and its results can be linked to. */
@Controller
class ContentSearchController {


    private final ContentSearch search;
    private final Pages pages;

    ContentSearchController(ContentSearch search, Pages pages) {
        this.search = search;
        this.pages = pages;
    }

    @GetMapping({SiteMap.SEARCH_SQ, SiteMap.SEARCH_EN})
    String search(Language language, @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String audience,
            @RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable String page, Model model) {
        ContentSearchResults results = search.search(language, q == null ? "" : q, ContentSearchFilters.of(audience, type, topic), pageNumber(page));
        model.addAttribute("page", pages.page(language, "search.title", SiteMap.SEARCH));
        model.addAttribute("search", new ContentSearchView(language, SiteMap.SEARCH.in(language), q, results, search.topics(language)));
        return "content/search";
    }

    /** A page number from an address anyone can type: anything but a number in range is the first page. */
    private static int pageNumber(@Nullable String page) {
        if (page == null || !page.matches("\\d{1,3}")) {
            return 1;
        }
        return Integer.parseInt(page);
    }
}
