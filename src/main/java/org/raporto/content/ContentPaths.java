package org.raporto.content;

import java.util.Map;
import java.util.Optional;

import org.raporto.shared.Language;
import org.raporto.shared.web.SiteMap;

/**
 * The public addresses of content, in both languages: one place, so that pages, feeds, the site map and search
 * link to the same addresses the controllers answer.
 */
public final class ContentPaths {

    /** The segment after the language of each type that has a page of its own per article. */
    private static final Map<ArticleType, String> SEGMENTS_SQ = Map.of(ArticleType.GUIDE, "udhezues", ArticleType.MANUAL, "manuale",
            ArticleType.RESOURCE, "burime", ArticleType.NEWS, "lajme", ArticleType.PAGE, "faqe");
    private static final Map<ArticleType, String> SEGMENTS_EN = Map.of(ArticleType.GUIDE, "guides", ArticleType.MANUAL, "manuals",
            ArticleType.RESOURCE, "resources", ArticleType.NEWS, "news", ArticleType.PAGE, "pages");

    public static final String NEWS_SQ = SiteMap.NEWS_SQ;
    public static final String NEWS_EN = SiteMap.NEWS_EN;
    public static final String FAQ_SQ = SiteMap.FAQ_SQ;
    public static final String FAQ_EN = SiteMap.FAQ_EN;
    public static final String PARTNERS_SQ = SiteMap.PARTNERS_SQ;
    public static final String PARTNERS_EN = SiteMap.PARTNERS_EN;
    public static final String FEED_SQ = SiteMap.NEWS_RSS_SQ;
    public static final String FEED_EN = SiteMap.NEWS_RSS_EN;
    public static final String ATOM_SQ = SiteMap.NEWS_ATOM_SQ;
    public static final String ATOM_EN = SiteMap.NEWS_ATOM_EN;

    private ContentPaths() {
    }

    /** Where an article is read: its own page, or its anchor on the FAQ or partners page. */
    public static String of(Article article) {
        return of(article.language(), article.type(), article.slug());
    }

    public static String of(Language language, ArticleType type, String slug) {
        return switch (type) {
            case FAQ -> faq(language) + "#" + slug;
            case PARTNER -> partners(language) + "#" + slug;
            default -> language.homePath() + segment(language, type) + "/" + slug;
        };
    }

    /** The type whose articles are under this segment in that language. */
    public static Optional<ArticleType> typeOf(Language language, String segment) {
        return (language == Language.SQ ? SEGMENTS_SQ : SEGMENTS_EN).entrySet().stream()
                .filter(entry -> entry.getValue().equals(segment)).map(Map.Entry::getKey).findFirst();
    }

    public static String segment(Language language, ArticleType type) {
        String segment = (language == Language.SQ ? SEGMENTS_SQ : SEGMENTS_EN).get(type);
        if (segment == null) {
            throw new IllegalArgumentException(type + " articles have no page of their own");
        }
        return segment;
    }

    public static String news(Language language) {
        return language == Language.SQ ? NEWS_SQ : NEWS_EN;
    }

    public static String faq(Language language) {
        return language == Language.SQ ? FAQ_SQ : FAQ_EN;
    }

    public static String partners(Language language) {
        return language == Language.SQ ? PARTNERS_SQ : PARTNERS_EN;
    }

    /** The news as RSS. */
    public static String feed(Language language) {
        return language == Language.SQ ? FEED_SQ : FEED_EN;
    }

    /** The news as Atom. */
    public static String atom(Language language) {
        return language == Language.SQ ? ATOM_SQ : ATOM_EN;
    }

    /** An audience's hub: {@code /sq/per/prinder}, {@code /en/for/parents}. */
    public static String audience(Language language, Audience audience) {
        return language.homePath() + (language == Language.SQ ? "per/" : "for/") + audience.slug(language);
    }

    /** A topic's page: {@code /sq/tema/bullizmi}, {@code /en/topics/cyberbullying}. */
    public static String topic(Language language, Topic topic) {
        return language.homePath() + (language == Language.SQ ? "tema/" : "topics/") + topic.slug(language);
    }

    /** A file of the media library: a manual's PDF, an image. */
    public static String media(java.util.UUID id) {
        return "/media/" + id;
    }
}
