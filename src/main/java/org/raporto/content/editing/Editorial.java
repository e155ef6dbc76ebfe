package org.raporto.content.editing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.content.ArticleStatus;
import org.raporto.content.ArticleType;
import org.raporto.content.Audience;
import org.raporto.content.editing.EditorialRefused.Reason;
import org.raporto.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The editorial workflow: every step locks the article's row, checks the version the editor's form was made from,
 * writes a revision where the text changed, and is audited in the same transaction.
 * <p>
 * Four eyes: whoever publishes must not have written any of what goes live — not the author of a never-published
 * article, and none of those who saved a revision since the one readers see.
 */
@Service
@Transactional
public class Editorial {

    public static final int PAGE_SIZE = 50;
    public static final int MAX_NOTE = 2000;
    private static final String OBJECT = "article";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Editorial(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Which articles the editors' list shows. Null fields do not filter. */
    public record Filter(@Nullable Language language, @Nullable ArticleType type, @Nullable Shown shown, String text) {

        public static final Filter ALL = new Filter(null, null, null, "");
    }

    /** The list's tabs: where the working copy stands, and for published articles whether readers see them yet. */
    public enum Shown {
        DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, ARCHIVED
    }

    /** One line of the editors' list. */
    public record Row(UUID id, Language language, ArticleType type, String title, String slug, ArticleStatus status,
            @Nullable ArticleStatus pendingState, @Nullable Instant publishAt, @Nullable Instant unpublishAt, Instant updatedAt,
            String authorName, @Nullable UUID translationId) {

        public ArticleStatus workflowState() {
            return pendingState != null ? pendingState : status;
        }
    }

    /** One page of the list; {@code counts} per tab, with the other filters applied. */
    public record Listing(List<Row> rows, int number, int pages, Map<Shown, Integer> counts) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    @Transactional(readOnly = true)
    public Listing list(Filter filter, int page) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", Timestamp.from(now));
        if (filter.language() != null) {
            where.append(" AND a.language = :language");
            params.put("language", filter.language().code());
        }
        if (filter.type() != null) {
            where.append(" AND a.type = :type");
            params.put("type", filter.type().name());
        }
        String text = filter.text().strip();
        if (!text.isEmpty()) {
            where.append(" AND (content_fold(a.title) LIKE '%' || content_fold(:text) || '%' OR a.slug LIKE '%' || lower(:text) || '%')");
            params.put("text", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        Map<Shown, Integer> counts = new LinkedHashMap<>();
        for (Shown shown : Shown.values()) {
            counts.put(shown, 0);
        }
        jdbc.sql("SELECT " + shownCase() + " AS shown, count(*) AS n FROM content_article a WHERE " + where + " GROUP BY 1")
                .params(params)
                .query(row -> {
                    Shown shown = Shown.valueOf(row.getString("shown"));
                    counts.merge(shown, row.getInt("n"), Integer::sum);
                });
        if (filter.shown() != null) {
            where.append(" AND ").append(shownCase()).append(" = :shown");
            params.put("shown", filter.shown().name());
        }
        int total = filter.shown() == null ? counts.values().stream().mapToInt(Integer::intValue).sum() : counts.get(filter.shown());
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(1, page), pages);
        params.put("limit", PAGE_SIZE);
        params.put("offset", (number - 1) * PAGE_SIZE);
        List<Row> rows = jdbc.sql("""
                        SELECT a.id, a.language, a.type, a.title, a.slug, a.status, a.pending_state, a.publish_at, a.unpublish_at,
                               a.updated_at, a.author_name,
                               (SELECT t.id FROM content_article t WHERE t.translation_group = a.translation_group AND t.id <> a.id LIMIT 1) AS translation_id
                        FROM content_article a WHERE """ + " " + where + " ORDER BY a.updated_at DESC, a.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((row, n) -> new Row(row.getObject("id", UUID.class), language(row.getString("language")),
                        ArticleType.valueOf(row.getString("type")), row.getString("title"), row.getString("slug"),
                        ArticleStatus.valueOf(row.getString("status")), state(row.getString("pending_state")), instant(row, "publish_at"),
                        instant(row, "unpublish_at"), instant(row, "updated_at"), row.getString("author_name"),
                        row.getObject("translation_id", UUID.class)))
                .list();
        return new Listing(rows, number, pages, counts);
    }

    /** The tab an article is under, in SQL. */
    private static String shownCase() {
        return """
                (CASE WHEN a.status = 'ARCHIVED' THEN 'ARCHIVED'
                      WHEN coalesce(a.pending_state, a.status) = 'DRAFT' THEN 'DRAFT'
                      WHEN coalesce(a.pending_state, a.status) = 'IN_REVIEW' THEN 'IN_REVIEW'
                      WHEN a.publish_at > :now THEN 'SCHEDULED'
                      ELSE 'PUBLISHED' END)""";
    }

    @Transactional(readOnly = true)
    public Optional<EditedArticle> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::edited).optional();
    }

    /** The translation of this article in its other language, if there is one. */
    @Transactional(readOnly = true)
    public Optional<EditedArticle> translation(EditedArticle article) {
        return jdbc.sql("SELECT id FROM content_article WHERE translation_group = :group AND id <> :id")
                .param("group", article.translationGroup()).param("id", article.id())
                .query(UUID.class).optional()
                .flatMap(this::find);
    }

    /** Every revision, newest first. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(UUID id) {
        EditedArticle article = find(id).orElseThrow();
        return jdbc.sql("SELECT * FROM content_revision WHERE article_id = :id ORDER BY number DESC").param("id", id)
                .query((row, n) -> revision(row, article)).list();
    }

    @Transactional(readOnly = true)
    public Optional<Revision> revision(UUID id, int number) {
        return find(id).flatMap(article -> jdbc.sql("SELECT * FROM content_revision WHERE article_id = :id AND number = :number")
                .param("id", id).param("number", number)
                .query((row, n) -> revision(row, article)).optional());
    }

    /** A new draft; its author is the editor. */
    public EditedArticle create(Language language, Draft typed, Actor editor) {
        return create(language, typed, UUID.randomUUID(), editor, null);
    }

    private EditedArticle create(Language language, Draft typed, UUID group, Actor editor, @Nullable EditedArticle original) {
        Draft draft = typed.normalised();
        UUID id = UUID.randomUUID();
        check(draft, language, id);

        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO content_article (id, translation_group, language, type, slug, title, summary, body, audiences, topics,
                            page_key, link_url, media_id, partner_role, featured, position, status, author_id, author_name, created_at, updated_at)
                        VALUES (:id, :group, :language, :type, :slug, :title, :summary, :body, :audiences::text[], :topics::text[],
                            :pageKey, :linkUrl, :mediaId, :partnerRole, :featured, :position, 'DRAFT', :authorId, :author, :now, :now)
                        """)
                .params(fields(draft)).param("id", id).param("group", group).param("language", language.code())
                .param("authorId", editor.id()).param("author", editor.name()).param("now", now)
                .update();
        saveRevision(id, 1, draft, editor);
        Map<String, String> details = new LinkedHashMap<>(Map.of("language", language.code(), "type", draft.type().name()));
        if (original != null) {
            details.put("translationOf", original.id().toString());
        }
        audit.record(editor, AuditAction.ARTICLE_CREATED, OBJECT, id.toString(), details);
        return find(id).orElseThrow();
    }

    /**
     * Saves the editor's copy as a new revision. A draft or an article in review changes in place (it is not public);
     * a published article keeps what readers see, and the changes wait for review as its pending revision.
     */
    public EditedArticle save(UUID id, int version, Draft typed, Actor editor) {
        EditedArticle article = locked(id, version);
        if (article.status() == ArticleStatus.ARCHIVED) {
            throw new EditorialRefused(Reason.WRONG_STATE);
        }
        Draft draft = typed.normalised();
        check(draft, article.language(), id);
        int number = article.latestRevision() + 1;
        saveRevision(id, number, draft, editor);
        if (article.status() == ArticleStatus.PUBLISHED) {
            jdbc.sql("""
                            UPDATE content_article SET pending_revision = :number, pending_state = coalesce(pending_state, 'DRAFT'),
                                version = version + 1, updated_at = :now WHERE id = :id""")
                    .param("number", number).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        }
        else {
            apply(article, draft);
        }
        audit.record(editor, AuditAction.ARTICLE_SAVED, OBJECT, id.toString(), Map.of("revision", Integer.toString(number)));
        return find(id).orElseThrow();
    }

    /** Puts the working copy up for review. */
    public void submit(UUID id, int version, Actor editor) {
        EditedArticle article = locked(id, version);
        if (article.workflowState() != ArticleStatus.DRAFT) {
            throw new EditorialRefused(Reason.WRONG_STATE);
        }
        setWorkflowState(article, ArticleStatus.IN_REVIEW, null);
        audit.record(editor, AuditAction.ARTICLE_SUBMITTED, OBJECT, id.toString(), Map.of("revision", Integer.toString(article.latestRevision())));
    }

    /** Sends the working copy back to its editors as a draft, with what to change. */
    public void sendBack(UUID id, int version, String note, Actor reviewer) {
        if (note.length() > MAX_NOTE) {
            throw new EditorialRefused(Reason.INVALID, List.of("note.long"));
        }
        EditedArticle article = locked(id, version);
        if (article.workflowState() != ArticleStatus.IN_REVIEW) {
            throw new EditorialRefused(Reason.WRONG_STATE);
        }
        setWorkflowState(article, ArticleStatus.DRAFT, note.isBlank() ? null : note.strip());
        audit.record(reviewer, AuditAction.ARTICLE_SENT_BACK, OBJECT, id.toString(), Map.of("revision", Integer.toString(article.latestRevision())));
    }

    /**
     * A reviewer publishes the working copy: now, or at {@code publishAt} when that is still to come (not for changes
     * to an article readers already see, which go live at once). Readers stop seeing it at {@code unpublishAt}.
     */
    public void publish(UUID id, int version, @Nullable Instant publishAt, @Nullable Instant unpublishAt, Actor reviewer) {
        EditedArticle article = locked(id, version);
        if (article.workflowState() != ArticleStatus.IN_REVIEW) {
            throw new EditorialRefused(Reason.WRONG_STATE);
        }
        if (isOwnWork(article, reviewer)) {
            throw new EditorialRefused(Reason.OWN_WORK);
        }
        Instant now = clock.instant();
        boolean later = publishAt != null && publishAt.isAfter(now);
        if (later && article.hasPendingChanges()) {
            throw new EditorialRefused(Reason.INVALID, List.of("publishAt.changes"));
        }
        Instant start = later ? publishAt : now;
        if (unpublishAt != null && !unpublishAt.isAfter(start)) {
            throw new EditorialRefused(Reason.INVALID, List.of("unpublishAt.beforeStart"));
        }
        if (article.hasPendingChanges()) {
            check(article.draft(), article.language(), id);
            apply(article, article.draft());
        }
        jdbc.sql("""
                        UPDATE content_article SET status = 'PUBLISHED', pending_revision = NULL, pending_state = NULL,
                            live_revision = :revision, review_note = NULL, reviewer_id = :reviewerId, reviewer_name = :reviewer,
                            publish_at = CASE WHEN :later THEN :start ELSE publish_at END,
                            published_at = CASE WHEN :later THEN :start ELSE coalesce(published_at, :start) END,
                            unpublish_at = :unpublishAt, scheduled = :later, version = version + 1, updated_at = :now
                        WHERE id = :id""")
                .param("revision", article.latestRevision()).param("reviewerId", reviewer.id()).param("reviewer", reviewer.name())
                .param("later", later).param("start", Timestamp.from(start))
                .param("unpublishAt", unpublishAt == null ? null : Timestamp.from(unpublishAt))
                .param("now", Timestamp.from(now)).param("id", id)
                .update();
        Map<String, String> details = new LinkedHashMap<>(Map.of("revision", Integer.toString(article.latestRevision())));
        if (later) {
            details.put("at", start.toString());
        }
        if (unpublishAt != null) {
            details.put("until", unpublishAt.toString());
        }
        audit.record(reviewer, AuditAction.ARTICLE_PUBLISHED, OBJECT, id.toString(), details);
    }

    /** Sets or clears when readers stop seeing a published article. Narrowing what is public needs no review. */
    public void endAt(UUID id, int version, @Nullable Instant unpublishAt, Actor editor) {
        EditedArticle article = locked(id, version);
        if (article.status() != ArticleStatus.PUBLISHED) {
            throw new EditorialRefused(Reason.WRONG_STATE);
        }
        Instant now = clock.instant();
        Instant start = article.publishAt() != null && article.publishAt().isAfter(now) ? article.publishAt() : now;
        if (unpublishAt != null && !unpublishAt.isAfter(start)) {
            throw new EditorialRefused(Reason.INVALID, List.of("unpublishAt.beforeStart"));
        }
        jdbc.sql("UPDATE content_article SET unpublish_at = :at, version = version + 1, updated_at = :now WHERE id = :id")
                .param("at", unpublishAt == null ? null : Timestamp.from(unpublishAt)).param("now", Timestamp.from(now)).param("id", id)
                .update();
        audit.record(editor, AuditAction.ARTICLE_END_CHANGED, OBJECT, id.toString(),
                Map.of("until", unpublishAt == null ? "-" : unpublishAt.toString()));
    }

    /** Takes an article off the site (or out of the work) at once; pending changes are dropped, the revisions kept. */
    public void archive(UUID id, int version, Actor editor) {
        EditedArticle article = locked(id, version);
        if (article.status() == ArticleStatus.ARCHIVED) {
            throw new EditorialRefused(Reason.WRONG_STATE);
        }
        archive(id);
        audit.record(editor, AuditAction.ARTICLE_ARCHIVED, OBJECT, id.toString(), Map.of("from", article.status().name()));
    }

    private void archive(UUID id) {
        jdbc.sql("""
                        UPDATE content_article SET status = 'ARCHIVED', pending_revision = NULL, pending_state = NULL, scheduled = false,
                            version = version + 1, updated_at = :now WHERE id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** An archived article becomes a draft again, to be reviewed before it is public again. */
    public void reopen(UUID id, int version, Actor editor) {
        EditedArticle article = locked(id, version);
        if (article.status() != ArticleStatus.ARCHIVED) {
            throw new EditorialRefused(Reason.WRONG_STATE);
        }
        jdbc.sql("UPDATE content_article SET status = 'DRAFT', publish_at = NULL, unpublish_at = NULL, version = version + 1, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(editor, AuditAction.ARTICLE_REOPENED, OBJECT, id.toString(), Map.of());
    }

    /** Drops the pending changes of a published article; their revisions stay in its history. */
    public void discardChanges(UUID id, int version, Actor editor) {
        EditedArticle article = locked(id, version);
        if (!article.hasPendingChanges()) {
            throw new EditorialRefused(Reason.WRONG_STATE);
        }
        jdbc.sql("UPDATE content_article SET pending_revision = NULL, pending_state = NULL, version = version + 1, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(editor, AuditAction.ARTICLE_CHANGES_DISCARDED, OBJECT, id.toString(), Map.of());
    }

    /** Saves an earlier revision again as the newest, like any save (so a published article's restore waits for review). */
    public EditedArticle restore(UUID id, int version, int number, Actor editor) {
        EditedArticle article = locked(id, version);
        Revision revision = revision(id, number).orElseThrow(() -> new EditorialRefused(Reason.WRONG_STATE));
        Draft restored = revision.textOnly()
                ? new Draft(article.draft().type(), revision.draft().title(), article.draft().slug(), revision.draft().summary(),
                        revision.draft().body(), article.draft().audiences(), article.draft().topics(), article.draft().pageKey(),
                        article.draft().linkUrl(), article.draft().mediaId(), article.draft().partnerRole(), article.draft().featured(),
                        article.draft().position())
                : revision.draft();
        EditedArticle saved = save(id, version, restored, editor);
        audit.record(editor, AuditAction.ARTICLE_REVISION_RESTORED, OBJECT, id.toString(),
                Map.of("from", Integer.toString(number), "revision", Integer.toString(saved.latestRevision())));
        return saved;
    }

    /**
     * The article's translation into its other language: the one there is, or a new draft copied from it to translate,
     * in the same translation group (its slug made unique in that language if it must be).
     */
    public UUID translate(UUID id, Actor editor) {
        EditedArticle article = find(id).orElseThrow(() -> new EditorialRefused(Reason.WRONG_STATE));
        Optional<UUID> existing = jdbc.sql("SELECT id FROM content_article WHERE translation_group = :group AND id <> :id")
                .param("group", article.translationGroup()).param("id", id).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Language other = Arrays.stream(Language.values()).filter(language -> language != article.language()).findFirst().orElseThrow();
        Draft source = article.draft();
        String slug = source.slug();
        for (int suffix = 2; slugTaken(other, slug, null); suffix++) {
            slug = source.slug() + "-" + suffix;
        }
        Draft copy = new Draft(source.type(), source.title(), slug, source.summary(), source.body(), source.audiences(), source.topics(),
                source.pageKey(), source.linkUrl(), source.mediaId(), source.partnerRole(), source.featured(), source.position());
        return create(other, copy, article.translationGroup(), editor, article).id();
    }

    /** The known topics' codes, for the editor's choices and the check of what was sent. */
    @Transactional(readOnly = true)
    public Set<String> topicCodes() {
        return new HashSet<>(jdbc.sql("SELECT code FROM content_topic").query(String.class).list());
    }

    // The steps' common parts.

    private EditedArticle locked(UUID id, int version) {
        EditedArticle article = jdbc.sql(SELECT + " WHERE a.id = :id FOR UPDATE OF a").param("id", id).query(this::edited).optional()
                .orElseThrow(() -> new EditorialRefused(Reason.WRONG_STATE));
        if (article.version() != version) {
            throw new EditorialRefused(Reason.STALE);
        }
        return article;
    }

    private void check(Draft draft, Language language, UUID id) {
        List<String> problems = new ArrayList<>(draft.problems(topicCodes()));
        if (!problems.contains("slug.invalid") && slugTaken(language, draft.slug(), id)) {
            problems.add("slug.taken");
        }
        if (draft.pageKey() != null && !problems.contains("pageKey.invalid") && jdbc.sql(
                        "SELECT count(*) FROM content_article WHERE language = :language AND page_key = :pageKey AND id <> :id")
                .param("language", language.code()).param("pageKey", draft.pageKey()).param("id", id).query(Integer.class).single() > 0) {
            problems.add("pageKey.taken");
        }
        if (draft.mediaId() != null && jdbc.sql("SELECT count(*) FROM content_media WHERE id = :id").param("id", draft.mediaId())
                .query(Integer.class).single() == 0) {
            problems.add("mediaId.unknown");
        }
        if (!problems.isEmpty()) {
            throw new EditorialRefused(Reason.INVALID, problems);
        }
    }

    /** Taken by another article, now or as an address it had: old addresses keep leading where they led. */
    private boolean slugTaken(Language language, String slug, @Nullable UUID id) {
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT id FROM content_article WHERE language = :language AND slug = :slug
                                              UNION ALL SELECT article_id FROM content_old_slug WHERE language = :language AND slug = :slug) taken
                        WHERE id IS DISTINCT FROM :id""")
                .param("language", language.code()).param("slug", slug).param("id", id).query(Integer.class).single() > 0;
    }

    /** Writes the draft into the article's columns; an address readers knew keeps leading to it. */
    private void apply(EditedArticle article, Draft draft) {
        String oldSlug = article.live() != null ? article.live().slug() : liveSlug(article.id());
        if (!oldSlug.equals(draft.slug()) && article.wasPublished()) {
            jdbc.sql("""
                            INSERT INTO content_old_slug (language, slug, article_id) VALUES (:language, :slug, :id)
                            ON CONFLICT (language, slug) DO NOTHING""")
                    .param("language", article.language().code()).param("slug", oldSlug).param("id", article.id()).update();
        }
        jdbc.sql("DELETE FROM content_old_slug WHERE language = :language AND slug = :slug AND article_id = :id")
                .param("language", article.language().code()).param("slug", draft.slug()).param("id", article.id()).update();
        jdbc.sql("""
                        UPDATE content_article SET type = :type, slug = :slug, title = :title, summary = :summary, body = :body,
                            audiences = :audiences::text[], topics = :topics::text[], page_key = :pageKey, link_url = :linkUrl,
                            media_id = :mediaId, partner_role = :partnerRole, featured = :featured, position = :position,
                            version = version + 1, updated_at = :now
                        WHERE id = :id""")
                .params(fields(draft)).param("now", Timestamp.from(clock.instant())).param("id", article.id())
                .update();
    }

    private String liveSlug(UUID id) {
        return jdbc.sql("SELECT slug FROM content_article WHERE id = :id").param("id", id).query(String.class).single();
    }

    private void setWorkflowState(EditedArticle article, ArticleStatus state, @Nullable String note) {
        String column = article.hasPendingChanges() ? "pending_state" : "status";
        jdbc.sql("UPDATE content_article SET " + column + " = :state, review_note = :note, version = version + 1, updated_at = :now WHERE id = :id")
                .param("state", state.name()).param("note", note).param("now", Timestamp.from(clock.instant())).param("id", article.id())
                .update();
    }

    /** Whether this person wrote the article, or saved any revision of what would go live: then they may not publish it. */
    @Transactional(readOnly = true)
    public boolean isOwnWork(EditedArticle article, Actor reviewer) {
        int since = article.liveRevision() == null ? 0 : article.liveRevision();
        return jdbc.sql("""
                        SELECT count(*) FROM content_revision WHERE article_id = :id AND number > :since AND saved_by_id = :reviewer
                        """)
                .param("id", article.id()).param("since", since).param("reviewer", reviewer.id()).query(Integer.class).single() > 0
                || (!article.wasPublished() && jdbc.sql("SELECT count(*) FROM content_article WHERE id = :id AND author_id = :reviewer")
                        .param("id", article.id()).param("reviewer", reviewer.id()).query(Integer.class).single() > 0);
    }

    private void saveRevision(UUID id, int number, Draft draft, Actor editor) {
        jdbc.sql("""
                        INSERT INTO content_revision (article_id, number, title, summary, body, saved_by, saved_by_id, saved_at, fields)
                        VALUES (:id, :number, :title, :summary, :body, :savedBy, :savedById, :now, :fields::jsonb)""")
                .param("id", id).param("number", number).param("title", draft.title()).param("summary", draft.summary())
                .param("body", draft.body()).param("savedBy", editor.name()).param("savedById", editor.id())
                .param("now", Timestamp.from(clock.instant())).param("fields", JsonMapper.shared().writeValueAsString(Fields.of(draft)))
                .update();
    }

    /** The fields of a revision besides its text, as kept in its {@code fields} column. */
    record Fields(String type, String slug, List<String> audiences, List<String> topics, @Nullable String pageKey, @Nullable String linkUrl,
            @Nullable String mediaId, @Nullable String partnerRole, boolean featured, int position) {

        static Fields of(Draft draft) {
            return new Fields(draft.type().name(), draft.slug(), draft.audiences().stream().map(Enum::name).toList(), draft.topics(),
                    draft.pageKey(), draft.linkUrl(), draft.mediaId() == null ? null : draft.mediaId().toString(), draft.partnerRole(),
                    draft.featured(), draft.position());
        }

        Draft draft(String title, String summary, String body) {
            return new Draft(ArticleType.valueOf(type), title, slug, summary, body, audiences.stream().map(Audience::valueOf).toList(), topics,
                    pageKey, linkUrl, mediaId == null ? null : UUID.fromString(mediaId), partnerRole, featured, position);
        }
    }

    private static Map<String, Object> fields(Draft draft) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", draft.type().name());
        fields.put("slug", draft.slug());
        fields.put("title", draft.title());
        fields.put("summary", draft.summary());
        fields.put("body", draft.body());
        fields.put("audiences", "{" + String.join(",", draft.audiences().stream().map(Enum::name).toList()) + "}");
        fields.put("topics", "{" + String.join(",", draft.topics()) + "}");
        fields.put("pageKey", draft.pageKey());
        fields.put("linkUrl", draft.linkUrl());
        fields.put("mediaId", draft.mediaId());
        fields.put("partnerRole", draft.partnerRole());
        fields.put("featured", draft.featured());
        fields.put("position", draft.position());
        return fields;
    }

    // Reading rows.

    private static final String SELECT = """
            SELECT a.*, p.title AS p_title, p.summary AS p_summary, p.body AS p_body, p.fields::text AS p_fields,
                   (SELECT max(number) FROM content_revision r WHERE r.article_id = a.id) AS latest_revision
            FROM content_article a
            LEFT JOIN content_revision p ON p.article_id = a.id AND p.number = a.pending_revision""";

    private EditedArticle edited(ResultSet row, int number) throws SQLException {
        Draft columns = new Draft(ArticleType.valueOf(row.getString("type")), row.getString("title"), row.getString("slug"),
                row.getString("summary"), row.getString("body"), strings(row.getArray("audiences")).stream().map(Audience::valueOf).toList(),
                strings(row.getArray("topics")), row.getString("page_key"), row.getString("link_url"), row.getObject("media_id", UUID.class),
                row.getString("partner_role"), row.getBoolean("featured"), row.getInt("position"));
        ArticleStatus pendingState = state(row.getString("pending_state"));
        Draft pending = pendingState == null ? null : draft(row.getString("p_fields"), row.getString("p_title"), row.getString("p_summary"),
                row.getString("p_body"), columns);
        int latest = row.getInt("latest_revision");
        Integer live = row.getObject("live_revision", Integer.class);
        ArticleStatus status = ArticleStatus.valueOf(row.getString("status"));
        if (live == null && row.getTimestamp("published_at") != null && pending == null) {
            // Installed before revisions were told apart: what readers see is the newest.
            live = latest;
        }
        return new EditedArticle(row.getObject("id", UUID.class), row.getObject("translation_group", UUID.class), language(row.getString("language")),
                status, pendingState, pending == null ? columns : pending, pending == null ? null : columns, instant(row, "publish_at"),
                instant(row, "unpublish_at"), instant(row, "published_at"), row.getBoolean("scheduled"), row.getString("author_name"),
                row.getString("reviewer_name"), row.getString("review_note"), row.getInt("version"), instant(row, "updated_at"), latest, live);
    }

    private static Revision revision(ResultSet row, EditedArticle article) throws SQLException {
        String fields = row.getString("fields");
        Draft draft = draft(fields, row.getString("title"), row.getString("summary"), row.getString("body"), article.draft());
        return new Revision(row.getInt("number"), draft, fields == null, row.getString("saved_by"), instant(row, "saved_at"));
    }

    /** A revision's whole draft; one that kept only its text borrows the rest from {@code otherwise}. */
    private static Draft draft(@Nullable String fields, String title, String summary, String body, Draft otherwise) {
        if (fields == null) {
            return new Draft(otherwise.type(), title, otherwise.slug(), summary, body, otherwise.audiences(), otherwise.topics(),
                    otherwise.pageKey(), otherwise.linkUrl(), otherwise.mediaId(), otherwise.partnerRole(), otherwise.featured(),
                    otherwise.position());
        }
        return JsonMapper.shared().readValue(fields, Fields.class).draft(title, summary, body);
    }

    private static @Nullable ArticleStatus state(@Nullable String state) {
        return state == null ? null : ArticleStatus.valueOf(state);
    }

    private static Language language(String code) {
        return Language.fromCode(code).orElseThrow();
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
