package org.raporto.content.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.raporto.content.Article;
import org.raporto.content.ArticleType;
import org.raporto.content.Articles;
import org.raporto.content.Audience;
import org.raporto.content.ContentPaths;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.SiteMap;
import org.raporto.shared.web.SiteProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/** The news as RSS per language, and the site map with each page's addresses in both languages. */
@Controller
class FeedController {

    private static final int FEED_SIZE = 20;
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

    private final Articles articles;
    private final SiteProperties site;
    private final Messages messages;

    FeedController(Articles articles, SiteProperties site, Messages messages) {
        this.articles = articles;
        this.site = site;
        this.messages = messages;
    }

    @GetMapping({ContentPaths.FEED_SQ, ContentPaths.FEED_EN})
    ResponseEntity<String> news(Language language) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                <channel>
                """);
        element(xml, "title", messages.get(language, "content.news.title") + " · " + site.name());
        element(xml, "link", site.linkTo(ContentPaths.news(language)));
        element(xml, "description", messages.get(language, "site.description"));
        element(xml, "language", language.code());
        xml.append("<atom:link href=\"").append(escape(site.linkTo(ContentPaths.feed(language)))).append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        for (Article article : articles.latestNews(language, FEED_SIZE)) {
            xml.append("<item>\n");
            element(xml, "title", article.title());
            element(xml, "link", site.linkTo(ContentPaths.of(article)));
            xml.append("<guid isPermaLink=\"false\">urn:uuid:").append(article.id()).append("</guid>\n");
            element(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(article.publishedAt().atZone(site.timeZone())));
            element(xml, "description", article.summary());
            xml.append("</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return ResponseEntity.ok().contentType(RSS).cacheControl(CacheControl.noCache().cachePublic()).body(xml.toString());
    }

    /** What crawlers may read, and where the site map is (an absolute address, so it cannot be a static file). */
    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String robots = """
                User-agent: *
                Disallow: /staff/
                Disallow: /partner/
                Disallow: /api/
                Sitemap: %s
                """.formatted(site.linkTo("/sitemap.xml"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noCache().cachePublic()).body(robots);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                """);
        url(xml, Map.of(Language.SQ, SiteMap.HOME.in(Language.SQ), Language.EN, SiteMap.HOME.in(Language.EN)));
        url(xml, Map.of(Language.SQ, SiteMap.ABOUT_SQ, Language.EN, SiteMap.ABOUT_EN));
        url(xml, Map.of(Language.SQ, ContentPaths.NEWS_SQ, Language.EN, ContentPaths.NEWS_EN));
        url(xml, Map.of(Language.SQ, ContentPaths.FAQ_SQ, Language.EN, ContentPaths.FAQ_EN));
        url(xml, Map.of(Language.SQ, ContentPaths.PARTNERS_SQ, Language.EN, ContentPaths.PARTNERS_EN));
        for (Audience audience : Audience.values()) {
            url(xml, Map.of(Language.SQ, ContentPaths.audience(Language.SQ, audience), Language.EN, ContentPaths.audience(Language.EN, audience)));
        }
        articles.topics().forEach(topic -> url(xml, Map.of(Language.SQ, ContentPaths.topic(Language.SQ, topic), Language.EN, ContentPaths.topic(Language.EN, topic))));
        Map<UUID, List<Article>> groups = articles.all().stream()
                .filter(article -> article.type() != ArticleType.FAQ && article.type() != ArticleType.PARTNER)
                .collect(Collectors.groupingBy(Article::translationGroup));
        groups.values().forEach(group -> url(xml, group.stream().collect(Collectors.toMap(Article::language, ContentPaths::of))));
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).cacheControl(CacheControl.noCache().cachePublic()).body(xml.toString());
    }

    /** One entry per language, each naming all of the page's languages as alternates. */
    private void url(StringBuilder xml, Map<Language, String> paths) {
        for (Language language : Language.values()) {
            String path = paths.get(language);
            if (path == null) {
                continue;
            }
            xml.append("<url>\n");
            element(xml, "loc", site.linkTo(path));
            for (Language alternate : Language.values()) {
                if (paths.containsKey(alternate)) {
                    xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(alternate.code()).append("\" href=\"")
                            .append(escape(site.linkTo(paths.get(alternate)))).append("\"/>\n");
                }
            }
            xml.append("</url>\n");
        }
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
