package org.raporto.content.web;

import java.util.Arrays;
import java.util.List;

import org.raporto.content.Article;
import org.raporto.content.ArticleType;
import org.raporto.content.Articles;
import org.raporto.content.Audience;
import org.raporto.content.ContentPaths;
import org.raporto.shared.Language;
import org.raporto.shared.web.Pages;
import org.raporto.shared.web.SiteMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The home page, with its sections fed by content, and the navigation's "About us": the editors' about page, wherever
 * its address is now.
 */
@Controller
class PortalController {

    /** The page_key of the editors' about page, where the navigation's "About" leads. */
    static final String ABOUT_PAGE = "about";
    private static final int LATEST_NEWS = 3;
    private static final int FEATURED = 6;

    private final Pages pages;
    private final Articles articles;

    PortalController(Pages pages, Articles articles) {
        this.pages = pages;
        this.articles = articles;
    }

    @GetMapping({"/sq/", "/en/"})
    String home(Language language, Model model) {
        model.addAttribute("page", pages.page(language, "home.title", SiteMap.HOME));
        model.addAttribute("hubs", Arrays.stream(Audience.values())
                .map(audience -> new HomeLink(pages.page(language, "content.audience." + audience.name() + ".title", SiteMap.HOME).title(), ContentPaths.audience(language, audience))).toList());
        model.addAttribute("featured", cards(articles.featured(language, FEATURED)));
        model.addAttribute("news", cards(articles.latestNews(language, LATEST_NEWS)));
        model.addAttribute("missionPath", articles.page(language, "mission").map(ContentPaths::of).orElse(""));
        model.addAttribute("fixedPages", articles.allOfType(language, ArticleType.PAGE).stream()
                .map(article -> new HomeLink(article.title(), ContentPaths.of(article))).toList());
        model.addAttribute("topics", articles.topics().stream()
                .map(topic -> new HomeLink(topic.name(language), ContentPaths.topic(language, topic))).toList());
        return "content/home";
    }

    /**
     * A temporary redirect (302, which browsers do not keep), so that the navigation follows the page when editors
     * change its address or its language version appears or goes.
     */
    @GetMapping({SiteMap.ABOUT_SQ, SiteMap.ABOUT_EN})
    RedirectView about(Language language) {
        Article about = articles.page(language, ABOUT_PAGE).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        RedirectView redirect = new RedirectView(ContentPaths.of(about));
        redirect.setStatusCode(HttpStatus.FOUND);
        return redirect;
    }

    private static List<Card> cards(List<Article> list) {
        return list.stream().map(article -> new Card(article.title(), ContentPaths.of(article), article.summary(), null)).toList();
    }
}
