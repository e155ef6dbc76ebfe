package org.raporto.content.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.raporto.content.Article;
import org.raporto.content.ArticleType;
import org.raporto.content.Articles;
import org.raporto.content.Audience;
import org.raporto.content.ContentPaths;
import org.raporto.content.Markdown;
import org.raporto.content.MediaLibrary;
import org.raporto.content.Topic;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.LocalizedPaths;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.Pages;
import org.raporto.shared.web.SiteMap;
import org.raporto.shared.web.SiteProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's content pages in both languages: articles, news, FAQ, partners, audience hubs and topics. They may be
 * kept by browsers and proxies, which ask again each time ({@code no-cache}) and get a 304 when nothing changed
 * (the entity tag of the page, see {@link ContentCaching}).
 */
@Controller
class ContentController {

    static final int NEWS_PAGE_SIZE = 10;
    private static final int RELATED = 4;

    private final Articles articles;
    private final MediaLibrary media;
    private final Pages pages;
    private final SiteProperties site;
    private final Messages messages;

    ContentController(Articles articles, MediaLibrary media, Pages pages, SiteProperties site, Messages messages) {
        this.articles = articles;
        this.media = media;
        this.pages = pages;
        this.site = site;
        this.messages = messages;
    }

    @GetMapping({"/sq/{segment:udhezues|manuale|burime|lajme|faqe}/{slug}", "/en/{segment:guides|manuals|resources|news|pages}/{slug}"})
    Object article(Language language, @PathVariable String segment, @PathVariable String slug, Model model, HttpServletResponse response) {
        ArticleType type = ContentPaths.typeOf(language, segment).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<Article> found = articles.bySlug(language, slug).filter(article -> article.type() == type);
        if (found.isEmpty()) {
            Optional<Article> moved = articles.byOldSlug(language, slug).filter(article -> article.type() == type);
            if (moved.isPresent()) {
                RedirectView redirect = new RedirectView(ContentPaths.of(moved.get()));
                redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
                return redirect;
            }
            return untranslated(language, type, slug, model, response);
        }
        Article article = found.get();
        Optional<Article> translation = articles.translation(article, other(language));
        LocalizedPaths paths = translation.map(other -> paths(article, other))
                .orElseGet(() -> paths(article, ContentPaths.of(other(language), type, slug)));
        Page page = pages.titled(language, article.title(), paths).describedAs(article.summary());
        if (PortalController.ABOUT_PAGE.equals(article.pageKey())) {
            page = page.reachedBy(SiteMap.ABOUT);
        }
        model.addAttribute("page", translation.isPresent() ? page : page.untranslated());
        model.addAttribute("view", view(article));
        model.addAttribute("typeLabel", "content.type." + type.name());
        model.addAttribute("otherLanguage", other(language));
        model.addAttribute("translated", translation.isPresent());
        cacheable(response, article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt() : article.publishedAt());
        return "content/article";
    }

    /**
     * An address in one language of an article that exists only in the other (where the language switch of such an
     * article leads): says so and offers it; not found otherwise.
     */
    private String untranslated(Language language, ArticleType type, String slug, Model model, HttpServletResponse response) {
        Article original = articles.bySlug(other(language), slug).filter(article -> article.type() == type)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalizedPaths paths = paths(original, ContentPaths.of(language, type, slug));
        model.addAttribute("page", pages.page(language, "content.untranslated.title", paths).untranslated());
        model.addAttribute("original", original);
        model.addAttribute("originalPath", ContentPaths.of(original));
        model.addAttribute("otherLanguage", other(language));
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "content/untranslated";
    }

    @GetMapping({ContentPaths.NEWS_SQ, ContentPaths.NEWS_EN})
    String news(Language language, @RequestParam(name = "faqja", defaultValue = "1") String pageNumber, Model model, HttpServletResponse response) {
        Articles.Listing listing = articles.ofType(language, ArticleType.NEWS, number(pageNumber), NEWS_PAGE_SIZE);
        model.addAttribute("page", pages.page(language, "content.news.title", LocalizedPaths.of(ContentPaths.NEWS_SQ, ContentPaths.NEWS_EN)));
        model.addAttribute("cards", cards(language, listing.articles(), true));
        model.addAttribute("listing", listing);
        model.addAttribute("path", ContentPaths.news(language));
        model.addAttribute("feed", ContentPaths.feed(language));
        model.addAttribute("atom", ContentPaths.atom(language));
        cacheable(response, null);
        return "content/news";
    }

    @GetMapping({ContentPaths.FAQ_SQ, ContentPaths.FAQ_EN})
    String faq(Language language, Model model, HttpServletResponse response) {
        model.addAttribute("page", pages.page(language, "content.faq.title", LocalizedPaths.of(ContentPaths.FAQ_SQ, ContentPaths.FAQ_EN)));
        model.addAttribute("entries", entries(articles.allOfType(language, ArticleType.FAQ)));
        cacheable(response, null);
        return "content/faq";
    }

    @GetMapping({ContentPaths.PARTNERS_SQ, ContentPaths.PARTNERS_EN})
    String partners(Language language, Model model, HttpServletResponse response) {
        model.addAttribute("page", pages.page(language, "content.partners.title", LocalizedPaths.of(ContentPaths.PARTNERS_SQ, ContentPaths.PARTNERS_EN)));
        model.addAttribute("entries", entries(articles.allOfType(language, ArticleType.PARTNER)));
        cacheable(response, null);
        return "content/partners";
    }

    @GetMapping({"/sq/per/{slug}", "/en/for/{slug}"})
    String audience(Language language, @PathVariable String slug, Model model, HttpServletResponse response) {
        Audience audience = Audience.fromSlug(language, slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalizedPaths paths = LocalizedPaths.of(ContentPaths.audience(Language.SQ, audience), ContentPaths.audience(Language.EN, audience));
        model.addAttribute("page", pages.page(language, "content.audience." + audience.name() + ".title", paths)
                .describedAs(pages.page(language, "content.audience." + audience.name() + ".intro", paths).title()));
        model.addAttribute("introKey", "content.audience." + audience.name() + ".intro");
        model.addAttribute("cards", cards(language, articles.forAudience(language, audience, 100), false));
        model.addAttribute("emptyKey", "content.listing.empty");
        cacheable(response, null);
        return "content/listing";
    }

    /**
     * The audience hubs under the Albanian segment in English too ({@code /en/per/parents}, as the hubs were first
     * named): moved for good to {@code /en/for/…}. An Albanian slug leads to its English hub as well.
     */
    @GetMapping("/en/per/{slug}")
    RedirectView audienceUnderAlbanianSegment(@PathVariable String slug) {
        Audience audience = Audience.fromSlug(Language.EN, slug).or(() -> Audience.fromSlug(Language.SQ, slug))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        RedirectView redirect = new RedirectView(ContentPaths.audience(Language.EN, audience));
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        return redirect;
    }

    @GetMapping({"/sq/tema/{slug}", "/en/topics/{slug}"})
    String topic(Language language, @PathVariable String slug, Model model, HttpServletResponse response) {
        Topic topic = articles.topic(language, slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalizedPaths paths = LocalizedPaths.of(ContentPaths.topic(Language.SQ, topic), ContentPaths.topic(Language.EN, topic));
        model.addAttribute("page", pages.titled(language, topic.name(language), paths));
        model.addAttribute("introKey", "content.topic.intro");
        model.addAttribute("cards", cards(language, articles.forTopic(language, topic, 100), false));
        model.addAttribute("emptyKey", "content.listing.empty");
        model.addAttribute("reportable", topic.reportable());
        cacheable(response, null);
        return "content/listing";
    }

    private ArticleView view(Article article) {
        Language language = article.language();
        List<Topic> topics = articles.topics().stream().filter(topic -> article.topics().contains(topic.code())).toList();
        Optional<MediaLibrary.Item> pdf = Optional.ofNullable(article.mediaId()).flatMap(media::describe)
                .filter(item -> item.kind() == MediaLibrary.Kind.PDF);
        return new ArticleView(article.title(), article.summary(), Markdown.toHtml(article.body()), date(language, article.publishedAt()),
                DateTimeFormatter.ISO_LOCAL_DATE.format(article.publishedAt().atZone(site.timeZone())), article.readingMinutes(),
                topics.stream().map(topic -> new ArticleView.Link(topic.name(language), ContentPaths.topic(language, topic))).toList(),
                cards(language, articles.related(article, RELATED), false),
                topics.stream().anyMatch(Topic::reportable),
                pdf.map(MediaLibrary.Item::path).orElse(null),
                article.type() == ArticleType.MANUAL ? "content.article.download" : "content.article.downloadPdf",
                pdf.map(item -> MediaSizes.format(messages, language, item.size())).orElse(null), article.linkUrl());
    }

    private List<Entry> entries(List<Article> list) {
        return list.stream().map(article -> new Entry(article.slug(), article.title(), article.summary(), Markdown.toHtml(article.body()),
                article.linkUrl(), article.partnerRole())).toList();
    }


    private List<Card> cards(Language language, List<Article> list, boolean dated) {
        return list.stream().map(article -> new Card(article.title(), ContentPaths.of(article), article.summary(),
                dated ? date(language, article.publishedAt()) : null)).toList();
    }

    private String date(Language language, Instant instant) {
        return DateTimeFormatter.ofPattern(language == Language.SQ ? "dd.MM.yyyy" : "d MMMM yyyy", language.locale())
                .format(instant.atZone(site.timeZone()));
    }

    private static LocalizedPaths paths(Article article, Article translation) {
        return paths(article, ContentPaths.of(translation));
    }

    private static LocalizedPaths paths(Article article, String otherPath) {
        return article.language() == Language.SQ ? LocalizedPaths.of(ContentPaths.of(article), otherPath)
                : LocalizedPaths.of(otherPath, ContentPaths.of(article));
    }

    private static Language other(Language language) {
        return language == Language.SQ ? Language.EN : Language.SQ;
    }

    private static int number(String page) {
        try {
            return Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Lets browsers and proxies keep the page and ask again each time; the entity tag makes the answer a 304 when the
     * page is unchanged. Pages for reporting and staff are never given this: they stay {@code no-store}.
     */
    private static void cacheable(HttpServletResponse response, @Nullable Instant lastModified) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePublic().getHeaderValue());
        if (lastModified != null) {
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli() / 1000 * 1000);
        }
    }
}
