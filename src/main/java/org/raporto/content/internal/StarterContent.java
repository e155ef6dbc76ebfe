package org.raporto.content.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.content.ArticleType;
import org.raporto.content.Audience;
import org.raporto.content.ContentPaths;
import org.raporto.content.MediaLibrary;
import org.raporto.content.Slugs;
import org.raporto.shared.Language;
import org.raporto.shared.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Installs the starter content on start-up when there is no article yet: every {@code <stem>.<lang>.md} file at
 * {@code raporto.content.seed-location}, published, by "Raporto". Files of the same stem are one article's
 * translations. All or nothing, in one transaction; a malformed file stops the start with a message naming it.
 * <p>
 * An article with {@code pdf: true} gets a PDF made from its own text ({@link ManualPdf}), stored in the media library
 * with the article's title in both languages and linked as the article's file, which its page offers to download.
 */
@Component
class StarterContent implements ApplicationRunner {

    static final String AUTHOR = "Raporto";
    private static final Logger log = LoggerFactory.getLogger(StarterContent.class);
    private static final Pattern FILE_NAME = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(sq|en)\\.md");
    private static final Set<String> KEYS = Set.of("type", "slug", "title", "summary", "audiences", "topics", "page", "link", "role",
            "featured", "position", "published", "pdf");
    private static final Set<String> PAGE_KEYS = Set.of("about", "mission", "contact", "privacy", "how-reporting-works");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MediaLibrary media;
    private final SiteProperties site;
    private final String location;

    StarterContent(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, MediaLibrary media, SiteProperties site,
            @Value("${raporto.content.seed-location:classpath:content/seed/}") String location) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.media = media;
        this.site = site;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /** One file, read and checked. */
    record SeedArticle(String file, String stem, String language, ArticleType type, String slug, String title, String summary,
            List<String> audiences, List<String> topics, @Nullable String pageKey, @Nullable String link, @Nullable String role,
            boolean featured, int position, @Nullable LocalDate published, boolean pdf, String body) {
    }

    @Override
    public void run(ApplicationArguments arguments) {
        install();
    }

    /** @return how many articles were installed: none when there already were some */
    int install() {
        List<SeedArticle> articles = read();
        if (articles.isEmpty()) {
            return 0;
        }
        Integer installed = transaction.execute(status -> {
            jdbc.sql("LOCK TABLE content_article IN EXCLUSIVE MODE").update();
            if (jdbc.sql("SELECT count(*) FROM content_article").query(Integer.class).single() > 0) {
                return 0;
            }
            Set<String> topics = Set.copyOf(jdbc.sql("SELECT code FROM content_topic").query(String.class).list());
            for (SeedArticle article : articles) {
                for (String topic : article.topics()) {
                    if (!topics.contains(topic)) {
                        throw malformed(article.file(), "unknown topic \"" + topic + "\"; known: " + topics);
                    }
                }
                insert(article);
            }
            for (SeedArticle article : articles) {
                if (article.pdf()) {
                    attachPdf(article, articles);
                }
            }
            return articles.size();
        });
        log.info("Installed {} starter articles from {}, {} with a PDF", installed, location,
                installed == null || installed == 0 ? 0 : articles.stream().filter(SeedArticle::pdf).count());
        return installed == null ? 0 : installed;
    }

    List<SeedArticle> read() {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(location + "*.md");
        } catch (IOException e) {
            // A location that does not exist has no files to install.
            return List.of();
        }
        List<SeedArticle> articles = new ArrayList<>();
        for (Resource file : files) {
            String name = file.getFilename() == null ? "" : file.getFilename();
            try {
                articles.add(parse(name, file.getContentAsString(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("Starter content " + name + " cannot be read", e);
            }
        }
        articles.sort(Comparator.comparing(SeedArticle::file));
        Map<String, String> slugs = new LinkedHashMap<>();
        for (SeedArticle article : articles) {
            String other = slugs.put(article.language() + "/" + article.slug(), article.file());
            if (other != null) {
                throw malformed(article.file(), "slug \"" + article.slug() + "\" is taken by " + other);
            }
            if (article.pageKey() != null && slugs.put(article.language() + "#" + article.pageKey(), article.file()) != null) {
                throw malformed(article.file(), "page \"" + article.pageKey() + "\" exists twice in this language");
            }
        }
        return articles;
    }

    static SeedArticle parse(String file, String text) {
        Matcher name = FILE_NAME.matcher(file);
        if (!name.matches()) {
            throw malformed(file, "the name must be <stem>.sq.md or <stem>.en.md, in lower-case letters, digits and hyphens");
        }
        String[] lines = text.replace("\r\n", "\n").replace("\uFEFF", "").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw malformed(file, "it must begin with a front matter block between two lines of ---");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int line = 1;
        for (; line < lines.length && !lines[line].strip().equals("---"); line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            int colon = lines[line].indexOf(':');
            if (colon < 1) {
                throw malformed(file, "line " + (line + 1) + " is not \"key: value\"");
            }
            String key = lines[line].substring(0, colon).strip();
            if (!KEYS.contains(key)) {
                throw malformed(file, "unknown key \"" + key + "\" on line " + (line + 1) + "; known: " + KEYS);
            }
            if (fields.put(key, unquote(lines[line].substring(colon + 1).strip())) != null) {
                throw malformed(file, "key \"" + key + "\" appears twice");
            }
        }
        if (line >= lines.length) {
            throw malformed(file, "the front matter block has no closing ---");
        }
        String body = String.join("\n", Arrays.asList(lines).subList(line + 1, lines.length)).strip();

        ArticleType type = parseType(file, required(file, fields, "type"));
        String slug = required(file, fields, "slug");
        if (!Slugs.isSlug(slug)) {
            throw malformed(file, "slug \"" + slug + "\" must be lower-case letters and digits joined by single hyphens (e.g. \"" + Slugs.of(slug) + "\")");
        }
        String title = required(file, fields, "title");
        if (title.length() > 200) {
            throw malformed(file, "the title is longer than 200 characters");
        }
        String summary = fields.getOrDefault("summary", "");
        if (summary.length() > 500) {
            throw malformed(file, "the summary is longer than 500 characters");
        }
        List<String> audiences = list(fields.get("audiences"));
        for (String audience : audiences) {
            if (Arrays.stream(Audience.values()).noneMatch(known -> known.name().equals(audience))) {
                throw malformed(file, "unknown audience \"" + audience + "\"; known: " + Arrays.toString(Audience.values()));
            }
        }
        String page = fields.get("page");
        if ((type == ArticleType.PAGE) != (page != null)) {
            throw malformed(file, "\"page:\" is required for type PAGE and allowed only there");
        }
        if (page != null && !PAGE_KEYS.contains(page)) {
            throw malformed(file, "unknown page \"" + page + "\"; known: " + PAGE_KEYS);
        }
        String link = fields.get("link");
        if (link != null && (!link.startsWith("https://") || link.length() > 2000 || link.chars().anyMatch(Character::isWhitespace))) {
            throw malformed(file, "the link must be an https:// address");
        }
        String role = fields.get("role");
        if (role != null && role.length() > 300) {
            throw malformed(file, "the role is longer than 300 characters");
        }
        String featured = fields.getOrDefault("featured", "false");
        if (!featured.equals("true") && !featured.equals("false")) {
            throw malformed(file, "featured must be true or false");
        }
        String pdf = fields.getOrDefault("pdf", "false");
        if (!pdf.equals("true") && !pdf.equals("false")) {
            throw malformed(file, "pdf must be true or false");
        }
        if (pdf.equals("true") && (type == ArticleType.FAQ || type == ArticleType.PARTNER)) {
            throw malformed(file, "\"pdf: true\" needs an article with a page of its own, not " + type);
        }
        int position;
        try {
            position = Integer.parseInt(fields.getOrDefault("position", "0"));
        } catch (NumberFormatException e) {
            throw malformed(file, "position must be a whole number");
        }
        LocalDate published;
        try {
            published = fields.containsKey("published") ? LocalDate.parse(fields.get("published")) : null;
        } catch (DateTimeParseException e) {
            throw malformed(file, "published must be a date like 2026-11-28");
        }
        if (body.length() > 200_000) {
            throw malformed(file, "the body is longer than 200,000 characters");
        }
        return new SeedArticle(file, name.group(1), name.group(2), type, slug, title, summary, audiences, list(fields.get("topics")),
                page, link, role, featured.equals("true"), position, published, pdf.equals("true"), body);
    }

    private void insert(SeedArticle article) {
        Instant now = clock.instant();
        Instant published = article.published() == null ? now : article.published().atStartOfDay(ZoneOffset.UTC).toInstant();
        UUID id = articleId(article);
        jdbc.sql("""
                        INSERT INTO content_article (id, translation_group, language, type, slug, title, summary, body, audiences, topics,
                            page_key, link_url, partner_role, featured, position, status, publish_at, published_at, author_name,
                            created_at, updated_at)
                        VALUES (:id, :group, :language, :type, :slug, :title, :summary, :body, :audiences::text[], :topics::text[],
                            :page, :link, :role, :featured, :position, 'PUBLISHED', :published, :published, :author, :now, :now)
                        """)
                .param("id", id).param("group", translationGroup(article.stem())).param("language", article.language())
                .param("type", article.type().name()).param("slug", article.slug()).param("title", article.title())
                .param("summary", article.summary()).param("body", article.body())
                .param("audiences", "{" + String.join(",", article.audiences()) + "}")
                .param("topics", "{" + String.join(",", article.topics()) + "}")
                .param("page", article.pageKey()).param("link", article.link()).param("role", article.role())
                .param("featured", article.featured()).param("position", article.position())
                .param("published", Timestamp.from(published)).param("author", AUTHOR).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("INSERT INTO content_revision (article_id, number, title, summary, body, saved_by, saved_at) VALUES (:id, 1, :title, :summary, :body, :author, :now)")
                .param("id", id).param("title", article.title()).param("summary", article.summary()).param("body", article.body())
                .param("author", AUTHOR).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Makes the article's PDF, stores it in the media library with its title in both languages (its own where the
     * translation is missing) and makes it the article's file.
     */
    private void attachPdf(SeedArticle article, List<SeedArticle> articles) {
        Language language = Language.fromCode(article.language()).orElseThrow();
        String otherTitle = articles.stream()
                .filter(other -> other.stem().equals(article.stem()) && !other.language().equals(article.language()))
                .map(SeedArticle::title).findFirst().orElse(article.title());
        String address = site.linkTo(ContentPaths.of(language, article.type(), article.slug()));
        byte[] pdf = ManualPdf.render(language, article.title(), article.summary(), article.body(), address,
                id -> media.find(id).orElse(null));
        MediaLibrary.Stored stored;
        try {
            stored = media.store(new MediaLibrary.Upload(pdf, article.slug() + ".pdf", language == Language.SQ ? article.title() : otherTitle,
                    language == Language.SQ ? otherTitle : article.title()), Actor.system());
        }
        catch (MediaLibrary.Refused refused) {
            throw malformed(article.file(), "its PDF is refused by the media library: " + refused.problems());
        }
        jdbc.sql("UPDATE content_article SET media_id = :media WHERE id = :id")
                .param("media", stored.item().id()).param("id", articleId(article)).update();
    }

    private static UUID articleId(SeedArticle article) {
        return UUID.nameUUIDFromBytes(("raporto-content:" + article.stem() + "." + article.language()).getBytes(StandardCharsets.UTF_8));
    }

    /** The same for every installation, so that a translation group can be named before it is installed. */
    static UUID translationGroup(String stem) {
        return UUID.nameUUIDFromBytes(("raporto-content:" + stem).getBytes(StandardCharsets.UTF_8));
    }

    private static ArticleType parseType(String file, String type) {
        try {
            return ArticleType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw malformed(file, "unknown type \"" + type + "\"; known: " + Arrays.toString(ArticleType.values()));
        }
    }

    private static String required(String file, Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            throw malformed(file, "\"" + key + ":\" is required");
        }
        return value;
    }

    private static List<String> list(@Nullable String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).distinct().toList();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))
                ? value.substring(1, value.length() - 1) : value;
    }

    private static IllegalStateException malformed(String file, String problem) {
        return new IllegalStateException("Starter content " + file + " is malformed: " + problem);
    }
}
