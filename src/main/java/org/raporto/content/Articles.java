package org.raporto.content;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.raporto.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public may read: published articles only. An article is published when its status is
 * {@link ArticleStatus#PUBLISHED}, its {@code publish_at} (if any) has come and its {@code unpublish_at} (if any) has not,
 * by the injected clock, so a scheduled article appears on time without any job having run.
 */
@Service
@Transactional(readOnly = true)
public class Articles {

    private static final String COLUMNS = """
            id, translation_group, language, type, slug, title, summary, body, audiences, topics, page_key, link_url,
            media_id, partner_role, featured, position, status, coalesce(publish_at, published_at, created_at) AS shown_at, updated_at
            """;
    private static final String PUBLISHED = """
            status = 'PUBLISHED' AND (publish_at IS NULL OR publish_at <= :now) AND (unpublish_at IS NULL OR unpublish_at > :now)
            """;
    private static final String NEWEST_FIRST = " ORDER BY shown_at DESC, id";
    private static final String IN_ORDER = " ORDER BY position, title, id";

    private final JdbcClient jdbc;
    private final Clock clock;

    Articles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One page of a listing: {@code number} counts from 1; {@code pages} is at least 1. */
    public record Listing(List<Article> articles, int number, int pages) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    public Optional<Article> bySlug(Language language, String slug) {
        return select("language = :language AND slug = :slug", "")
                .param("language", language.code()).param("slug", slug)
                .query(Articles::article).optional();
    }

    /** The published article that had this slug before it was renamed. */
    public Optional<Article> byOldSlug(Language language, String slug) {
        return select("id = (SELECT article_id FROM content_old_slug WHERE language = :language AND slug = :slug)", "")
                .param("language", language.code()).param("slug", slug)
                .query(Articles::article).optional();
    }

    /** A fixed page: about, mission, contact, privacy, how-reporting-works. */
    public Optional<Article> page(Language language, String pageKey) {
        return select("language = :language AND page_key = :pageKey", "")
                .param("language", language.code()).param("pageKey", pageKey)
                .query(Articles::article).optional();
    }

    /** The same article in another language, if it is published there. */
    public Optional<Article> translation(Article article, Language language) {
        return select("language = :language AND translation_group = :group", "")
                .param("language", language.code()).param("group", article.translationGroup())
                .query(Articles::article).optional();
    }

    /** One page of the articles of a type, the newest first for news, in their editors' order otherwise. */
    public Listing ofType(Language language, ArticleType type, int page, int size) {
        int total = jdbc.sql("SELECT count(*) FROM content_article WHERE language = :language AND type = :type AND " + PUBLISHED)
                .param("language", language.code()).param("type", type.name()).param("now", now())
                .query(Integer.class).single();
        int pages = Math.max(1, (total + size - 1) / size);
        int number = Math.min(Math.max(1, page), pages);
        List<Article> articles = select("language = :language AND type = :type", type == ArticleType.NEWS ? NEWEST_FIRST : IN_ORDER)
                .param("language", language.code()).param("type", type.name())
                .param("limit", size).param("offset", (number - 1) * size)
                .query(Articles::article).list();
        return new Listing(articles, number, pages);
    }

    /** All of a type, in their editors' order (the FAQ, the partners). */
    public List<Article> allOfType(Language language, ArticleType type) {
        return ofType(language, type, 1, 1000).articles();
    }

    /** Guides, manuals and resources written for this audience, featured ones first. */
    public List<Article> forAudience(Language language, Audience audience, int limit) {
        return select("language = :language AND type IN ('GUIDE', 'MANUAL', 'RESOURCE') AND :audience = ANY (audiences)",
                " ORDER BY featured DESC, position, title, id")
                .param("language", language.code()).param("audience", audience.name())
                .param("limit", limit).param("offset", 0)
                .query(Articles::article).list();
    }

    /** Guides, manuals, resources and news about this topic, featured ones first. */
    public List<Article> forTopic(Language language, Topic topic, int limit) {
        return select("language = :language AND type IN ('GUIDE', 'MANUAL', 'RESOURCE', 'NEWS') AND :topic = ANY (topics)",
                " ORDER BY featured DESC, position, title, id")
                .param("language", language.code()).param("topic", topic.code())
                .param("limit", limit).param("offset", 0)
                .query(Articles::article).list();
    }

    /** Other guides, manuals, resources and news sharing a topic with this article, those sharing the most first. */
    public List<Article> related(Article article, int limit) {
        if (article.topics().isEmpty()) {
            return List.of();
        }
        return select("language = :language AND id <> :id AND type IN ('GUIDE', 'MANUAL', 'RESOURCE', 'NEWS') AND topics && :topics::text[]",
                " ORDER BY cardinality(ARRAY(SELECT unnest(topics) INTERSECT SELECT unnest(:topics::text[]))) DESC, shown_at DESC, id")
                .param("language", article.language().code()).param("id", article.id())
                .param("topics", "{" + String.join(",", article.topics()) + "}")
                .param("limit", limit).param("offset", 0)
                .query(Articles::article).list();
    }

    public List<Article> latestNews(Language language, int limit) {
        return ofType(language, ArticleType.NEWS, 1, limit).articles();
    }

    /** Featured guides, manuals and resources. */
    public List<Article> featured(Language language, int limit) {
        return select("language = :language AND featured AND type IN ('GUIDE', 'MANUAL', 'RESOURCE')", IN_ORDER)
                .param("language", language.code()).param("limit", limit).param("offset", 0)
                .query(Articles::article).list();
    }

    /** Every published article in every language, for the site map. */
    public List<Article> all() {
        return select("true", " ORDER BY language, type, slug")
                .param("limit", 100_000).param("offset", 0)
                .query(Articles::article).list();
    }

    public List<Topic> topics() {
        return jdbc.sql("SELECT code, name_sq, name_en, slug_sq, slug_en, report_category FROM content_topic ORDER BY position")
                .query(Topic.class).list();
    }

    public Optional<Topic> topic(Language language, String slug) {
        return topics().stream().filter(topic -> topic.slug(language).equals(slug)).findFirst();
    }

    private JdbcClient.StatementSpec select(String condition, String order) {
        String limit = order.isEmpty() ? "" : " LIMIT :limit OFFSET :offset";
        return jdbc.sql("SELECT * FROM (SELECT " + COLUMNS + " FROM content_article WHERE " + PUBLISHED + " AND " + condition + ") a" + order + limit)
                .param("now", now());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Article article(ResultSet row, int number) throws SQLException {
        return new Article(row.getObject("id", UUID.class), row.getObject("translation_group", UUID.class),
                Language.fromCode(row.getString("language")).orElseThrow(), ArticleType.valueOf(row.getString("type")),
                row.getString("slug"), row.getString("title"), row.getString("summary"), row.getString("body"),
                strings(row.getArray("audiences")).stream().map(Audience::valueOf).toList(), strings(row.getArray("topics")),
                row.getString("page_key"), row.getString("link_url"), row.getObject("media_id", UUID.class), row.getString("partner_role"),
                row.getBoolean("featured"), row.getInt("position"), ArticleStatus.valueOf(row.getString("status")),
                instant(row.getTimestamp("shown_at")), instant(row.getTimestamp("updated_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
