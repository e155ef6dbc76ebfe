package org.raporto.content.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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

/**
 * The news as RSS 2.0 and as Atom 1.0 per language, and the site map with each page's addresses in both languages.
 * The feeds carry a {@code Last-Modified} of their newest entry and an entity tag of the feed as sent
 * ({@link ContentCaching}); only the entity tag decides a 304, since a feed also changes when an entry is withdrawn.
 */
@Controller
class FeedController {

    private static final int FEED_SIZE = 20;
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    /** Characters XML 1.0 cannot carry at all, even escaped. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

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
        List<Article> news = articles.latestNews(language, FEED_SIZE);
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
        for (Article article : news) {
            xml.append("<item>\n");
            element(xml, "title", article.title());
            element(xml, "link", site.linkTo(ContentPaths.of(article)));
            xml.append("<guid isPermaLink=\"false\">urn:uuid:").append(article.id()).append("</guid>\n");
            element(xml, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(article.publishedAt().atZone(site.timeZone())));
            element(xml, "description", article.summary());
            xml.append("</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return feed(RSS, news, xml);
    }

    /** The same news as Atom 1.0 (RFC 4287). */
    @GetMapping({ContentPaths.ATOM_SQ, ContentPaths.ATOM_EN})
    ResponseEntity<String> atom(Language language) {
        List<Article> news = articles.latestNews(language, FEED_SIZE);
        String self = site.linkTo(ContentPaths.atom(language));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(language.code()).append("\">\n");
        element(xml, "id", self);
        element(xml, "title", messages.get(language, "content.news.title") + " · " + site.name());
        element(xml, "subtitle", messages.get(language, "site.description"));
        element(xml, "updated", atomDate(updated(news).orElse(Instant.EPOCH)));
        xml.append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(self)).append("\"/>\n");
        xml.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(site.linkTo(ContentPaths.news(language)))).append("\"/>\n");
        xml.append("<author><name>").append(escape(site.name())).append("</name></author>\n");
        for (Article article : news) {
            xml.append("<entry>\n");
            element(xml, "id", "urn:uuid:" + article.id());
            element(xml, "title", article.title());
            xml.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(site.linkTo(ContentPaths.of(article)))).append("\"/>\n");
            element(xml, "published", atomDate(article.publishedAt()));
            element(xml, "updated", atomDate(updated(article)));
            xml.append("<summary type=\"text\">").append(escape(article.summary())).append("</summary>\n");
            xml.append("</entry>\n");
        }
        xml.append("</feed>\n");
        return feed(ATOM, news, xml);
    }

    private static ResponseEntity<String> feed(MediaType type, List<Article> news, StringBuilder xml) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache().cachePublic());
        updated(news).ifPresent(response::lastModified);
        return response.body(xml.toString());
    }

    /** When an article last changed for its readers: published, or edited since. */
    private static Instant updated(Article article) {
        return article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt() : article.publishedAt();
    }

    private static Optional<Instant> updated(List<Article> news) {
        return news.stream().map(FeedController::updated).max(Comparator.naturalOrder());
    }

    private static String atomDate(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
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
        return HtmlUtils.htmlEscape(NOT_XML.matcher(text).replaceAll(""), "UTF-8");
    }
}
