package org.raporto.content;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.raporto.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search in the published articles of one language (V27__content_search.sql).
 * <p>
 * Full text first: every word of the query, folded (no diacritics, lower case), the last also as the start of a
 * longer word, ranked by cover density in the title (far above) and the summary; articles with the words only in their
 * body come after those, newest first. When that
 * finds fewer than {@value #FEW} articles, the search broadens: articles with any of the words, then articles whose
 * title or summary has a word that looks like one of them (trigram word similarity, for typos such as "bulizem" for
 * "bullizëm"), those with all the words still first. Published means status PUBLISHED and, by the injected clock,
 * after its publication time and before its unpublication time, where those are set.
 */
@Service
public class ContentSearch {

    public static final int PAGE_SIZE = 10;
    /** Deeper pages than this are not served: nobody reads them, and OFFSET makes them costly. */
    public static final int MAX_PAGE = 100;
    /** Fewer exact matches than this, and the search broadens. */
    static final int FEW = 3;
    /** pg_trgm's word similarity a title or summary word needs to count as a typo of a query word ("bulizem": 0.5). */
    private static final String SIMILARITY_THRESHOLD = "0.45";
    /** ts_rank_cd's weights of D and C (unused: the body is not ranked, only matched), B summary, A title. */
    private static final String WEIGHTS = "'{0.01, 0.05, 0.3, 1.0}'";
    /** Enough of a long body to find the words in for an excerpt. */
    private static final int BODY_FOR_EXCERPT = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ContentSearch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A topic to narrow a search to, named in the language searched. */
    public record Topic(String code, String name) {
    }

    /** Every topic, in their order, named in this language. */
    public List<Topic> topics(Language language) {
        return jdbc.sql("SELECT code, " + (language == Language.SQ ? "name_sq" : "name_en") + " FROM content_topic ORDER BY position, code")
                .query((row, number) -> new Topic(row.getString(1), row.getString(2))).list();
    }

    /**
     * One page of the published articles in this language that match the query and the filters, best first. With no
     * words but some filter, the newest articles that pass the filters; with neither, no results (and no query).
     * Never fails on what a visitor typed: the query is only read for its words.
     *
     * @param page from 1; pages outside 1…{@value #MAX_PAGE} are taken as the nearest one
     */
    @Transactional(readOnly = true)
    public ContentSearchResults search(Language language, String query, ContentSearchFilters filters, int page) {
        ContentSearchTerms terms = ContentSearchTerms.parse(query);
        int current = Math.max(1, Math.min(MAX_PAGE, page));
        if (terms.isEmpty() && filters.isEmpty()) {
            return new ContentSearchResults(terms, filters, 1, PAGE_SIZE, 0, false, List.of(), ContentSearchResults.Facets.NONE);
        }
        Match match = terms.isEmpty() ? Match.ALL : Match.EXACT;
        Found found = find(language, terms, filters, match, current);
        if (match == Match.EXACT && found.total() < FEW) {
            jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)").param(SIMILARITY_THRESHOLD).query(String.class).single();
            match = Match.SIMILAR;
            found = find(language, terms, filters, match, current);
        }
        boolean similar = match == Match.SIMILAR;
        List<ContentSearchResults.Hit> hits = found.rows().stream().map(row -> new ContentSearchResults.Hit(row.id(), row.type(), row.slug(),
                ContentSearchText.marked(row.title(), terms, similar), ContentSearchText.excerpt(row.summary(), row.body(), terms, similar),
                row.audiences(), row.topics(), row.publishedAt() == null ? null : row.publishedAt().toInstant())).toList();
        return new ContentSearchResults(terms, filters, current, PAGE_SIZE, found.total(), similar && !found.anyExact(), hits,
                facets(language, terms, match, filters));
    }

    /** Which articles count as found. */
    private enum Match {
        /** No words: all, newest first. */
        ALL,
        /** All the words. */
        EXACT,
        /** Any of the words, or a word like one of them in the title or summary. */
        SIMILAR
    }

    private record Row(UUID id, String type, String slug, String title, String summary, String body, List<String> audiences,
            List<String> topics, OffsetDateTime publishedAt, boolean exact) {
    }

    private record Found(List<Row> rows, long total) {

        boolean anyExact() {
            return rows.stream().anyMatch(Row::exact);
        }
    }

    private Found find(Language language, ContentSearchTerms terms, ContentSearchFilters filters, Match match, int page) {
        Sql sql = queries(terms, match);
        // The matches are ranked with narrow rows (id, rank, date); only the page's rows are read in full.
        sql.append(", matches AS MATERIALIZED (SELECT a.id, a.published_at, %s AS exact, %s AS rank, ".formatted(
                match == Match.ALL ? "false" : "a.search_document @@ q.exact",
                switch (match) {
                    case ALL -> "0::real";
                    case EXACT -> "ts_rank_cd(" + WEIGHTS + ", a.search_head, q.exact)";
                    case SIMILAR -> "ts_rank_cd(" + WEIGHTS + ", a.search_head, q.any)";
                }));
        List<String> similar = match == Match.SIMILAR ? terms.similarityWords() : List.of();
        // One sum over the words: an article with two of them resembled ranks above one with one.
        sql.append("(0");
        for (String word : similar) {
            sql.append(" + greatest(word_similarity(?, content_fold(a.title)), word_similarity(?, content_fold(a.summary)))", word, word);
        }
        sql.append(") AS similarity FROM content_article a CROSS JOIN q WHERE ");
        published(sql, language);
        matching(sql, terms, match);
        filtered(sql, filters, "a.");
        String order = "exact DESC, rank DESC, similarity DESC, published_at DESC NULLS LAST, id";
        sql.append("), top AS (SELECT * FROM matches ORDER BY " + order + " LIMIT ? OFFSET ?)", PAGE_SIZE, (page - 1) * PAGE_SIZE);
        sql.append("""
                 SELECT a.id, a.type, a.slug, a.title, a.summary, left(a.body, %d) AS body, a.audiences, a.topics, a.published_at,
                        top.exact, (SELECT count(*) FROM matches) AS total
                 FROM top JOIN content_article a ON a.id = top.id
                 ORDER BY top.exact DESC, top.rank DESC, top.similarity DESC, top.published_at DESC NULLS LAST, top.id""".formatted(BODY_FOR_EXCERPT));
        long[] total = {0};
        List<Row> rows = jdbc.sql(sql.text()).params(sql.params()).query((row, number) -> {
            total[0] = row.getLong("total");
            return new Row(row.getObject("id", UUID.class), row.getString("type"), row.getString("slug"), row.getString("title"),
                    row.getString("summary"), row.getString("body"), strings(row, "audiences"), strings(row, "topics"),
                    row.getObject("published_at", OffsetDateTime.class), row.getBoolean("exact"));
        }).list();
        if (rows.isEmpty() && page > 1) {
            total[0] = count(language, terms, filters, match);
        }
        return new Found(rows, total[0]);
    }

    private long count(Language language, ContentSearchTerms terms, ContentSearchFilters filters, Match match) {
        Sql sql = queries(terms, match);
        sql.append("SELECT count(*) FROM content_article a CROSS JOIN q WHERE ");
        published(sql, language);
        matching(sql, terms, match);
        filtered(sql, filters, "a.");
        return jdbc.sql(sql.text()).params(sql.params()).query(Long.class).single();
    }

    /**
     * For each filter, how many matches each of its values leaves, the other filters applied: one statement over the
     * matches, which the index has found already for the page itself.
     */
    private ContentSearchResults.Facets facets(Language language, ContentSearchTerms terms, Match match, ContentSearchFilters filters) {
        Sql sql = queries(terms, match);
        sql.append(", hits AS MATERIALIZED (SELECT a.type, a.audiences, a.topics FROM content_article a CROSS JOIN q WHERE ");
        published(sql, language);
        matching(sql, terms, match);
        sql.append(") SELECT 'type' AS facet, type AS value, count(*) AS n FROM hits WHERE true");
        filtered(sql, new ContentSearchFilters(filters.audience(), null, filters.topic()), "");
        sql.append(" GROUP BY type UNION ALL SELECT 'audience', audience, count(*) FROM hits CROSS JOIN unnest(audiences) audience WHERE true");
        filtered(sql, new ContentSearchFilters(null, filters.type(), filters.topic()), "");
        sql.append(" GROUP BY audience UNION ALL SELECT 'topic', topic, count(*) FROM hits CROSS JOIN unnest(topics) topic WHERE true");
        filtered(sql, new ContentSearchFilters(filters.audience(), filters.type(), null), "");
        sql.append(" GROUP BY topic");
        Map<String, Map<String, Long>> counts = new HashMap<>(Map.of("type", new HashMap<>(), "audience", new HashMap<>(), "topic", new HashMap<>()));
        jdbc.sql(sql.text()).params(sql.params()).query(row -> {
            counts.get(row.getString("facet")).put(row.getString("value"), row.getLong("n"));
        });
        return new ContentSearchResults.Facets(counts.get("audience"), counts.get("type"), counts.get("topic"));
    }

    /** The tsqueries, made once per statement from the words alone. */
    private static Sql queries(ContentSearchTerms terms, Match match) {
        Sql sql = new Sql();
        if (match == Match.ALL) {
            sql.append("WITH q AS MATERIALIZED (SELECT NULL::tsquery AS exact, NULL::tsquery AS any) ");
        }
        else {
            sql.append("WITH q AS MATERIALIZED (SELECT to_tsquery('simple', content_fold(?)) AS exact, to_tsquery('simple', content_fold(?)) AS any) ",
                    terms.allWords(), terms.anyWord());
        }
        return sql;
    }

    private void published(Sql sql, Language language) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        sql.append("a.language = ? AND a.status = 'PUBLISHED' AND (a.publish_at IS NULL OR a.publish_at <= ?) "
                + "AND (a.unpublish_at IS NULL OR a.unpublish_at > ?)", language.code(), now, now);
    }

    private static void matching(Sql sql, ContentSearchTerms terms, Match match) {
        switch (match) {
            case ALL -> {
            }
            case EXACT -> sql.append(" AND a.search_document @@ q.exact");
            case SIMILAR -> {
                sql.append(" AND (a.search_document @@ q.any");
                for (String word : terms.similarityWords()) {
                    sql.append(" OR ? <% content_fold(a.title) OR ? <% content_fold(a.summary)", word, word);
                }
                sql.append(")");
            }
        }
    }

    private static void filtered(Sql sql, ContentSearchFilters filters, String alias) {
        if (filters.audience() != null) {
            sql.append(" AND " + alias + "audiences @> ARRAY[?]::text[]", filters.audience());
        }
        if (filters.type() != null) {
            sql.append(" AND " + alias + "type = ?", filters.type());
        }
        if (filters.topic() != null) {
            sql.append(" AND " + alias + "topics @> ARRAY[?]::text[]", filters.topic());
        }
    }

    private static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A statement written in pieces, with its positional parameters in the order of its question marks. */
    private static final class Sql {

        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        void append(String piece, Object... values) {
            text.append(piece);
            params.addAll(List.of(values));
        }

        String text() {
            return text.toString();
        }

        List<Object> params() {
            return params;
        }
    }
}
