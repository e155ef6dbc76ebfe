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
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search in the published articles of one language (V27__content_search.sql, V29__content_search_speed.sql,
 * V32__content_search_per_language.sql).
 * <p>
 * Full text first: every word of the query, folded (no diacritics, lower case), the last also as the start of a
 * longer word. Articles with the words in their title or summary come first, ranked (ts_rank) with the title far
 * above the summary, newest first among equals; then the articles with the words only in their body, newest first.
 * When that finds fewer than {@value #FEW} articles, the search looks for typos: the words of titles and summaries that
 * look like a query word their titles and summaries do not have (trigram word similarity: "bullizem" for "bulizem").
 * With several words it first takes the articles with every word, each typo or a word like it ("bulizem femije" finds
 * "bullizëm" beside "fëmijë"); when those are fewer than {@value #FEW} too, or with one word, it broadens to articles
 * with any of the words or a word like one. Either way those with all the words as typed come first, then the others
 * ranked as above, a look-alike word counting as the word. Published means status PUBLISHED and, by the injected clock, after
 * its publication time and before its unpublication time, where those are set.
 * <p>
 * The work is bounded by what the pages can show, not by how many articles hold a word: matches are counted up to
 * {@value #COUNT_CAP} (beyond that the results say "more than"), the counts beside the filters are then taken from the
 * first matches found, and of the articles with the words in their title or summary the {@value #RANKED} newest are
 * ranked, as many as {@value #MAX_PAGE} pages show.
 */
@Service
public class ContentSearch {

    public static final int PAGE_SIZE = 10;
    /** Deeper pages than this are not served: nobody reads them, and OFFSET makes them costly. */
    public static final int MAX_PAGE = 100;
    /** Matches are counted up to this many; the results then say there are more. */
    public static final int COUNT_CAP = 1_000;
    /** Fewer exact matches than this, and the search broadens. */
    static final int FEW = 3;
    /** How many articles with the words in their title or summary are ranked, the newest: all that the pages show. */
    static final int RANKED = MAX_PAGE * PAGE_SIZE;
    /**
     * ts_rank's weights of D and C (unused: the body is not ranked, only matched), B summary, A title. ts_rank rather
     * than ts_rank_cd (cover density): the same order of title, summary and body, at a quarter of the cost for a query
     * of several words or look-alikes (8 against 2 ms for 1,000 articles in bench/search.sh).
     */
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
            return new ContentSearchResults(terms, filters, 1, PAGE_SIZE, 0, false, false, List.of(), ContentSearchResults.Facets.NONE);
        }
        // How common the words are decides the plan (walk the articles newest first, or gather the matches from an
        // index), so each statement is planned for the words it carries, never one plan kept for all. The articles
        // are read from memory, not disk: priced as random reads from a disk (4), walking them looked dearer than
        // gathering and sorting 4,500 matches, five times slower for "internet" (24 against 5 ms, bench/search.sh).
        // Both in one round trip.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL random_page_cost = 1.1").update();
        int from = (current - 1) * PAGE_SIZE;
        Search search = new Search(language, terms, filters, terms.isEmpty() ? Match.ALL : Match.EXACT, List.of(), List.of(), now());
        FirstStage first = firstStage(search, from);
        if (search.match() == Match.EXACT && first.total() < FEW) {
            if (terms.words().size() > 1 && !first.alike().isEmpty()) {
                // Typos corrected first: more to the point than any of the words, and cheaper, since every word narrows.
                Search corrected = search.widened(Match.CORRECTED, first.first(), first.alike());
                FirstStage found = firstStage(corrected, from);
                if (found.total() >= FEW) {
                    search = corrected;
                    first = found;
                }
            }
            // One word and nothing like it: any of the words is all of them, and there is nothing broader to find.
            if (search.match() == Match.EXACT && (terms.words().size() > 1 || !first.alike().isEmpty())) {
                search = search.widened(Match.SIMILAR, first.first(), first.alike());
                first = firstStage(search, from);
            }
        }
        List<Row> rows = new ArrayList<>(first.rows());
        if (search.match() != Match.ALL && rows.size() < PAGE_SIZE && first.heads() < RANKED && first.total() > first.ranked()) {
            rows.addAll(bodyOnly(search, Math.max(0, from - first.ranked()), PAGE_SIZE - rows.size()));
        }
        boolean similar = search.match().widened();
        Predicate<String> found = terms.isEmpty() ? null : terms.finder(similar ? search.alike() : List.of());
        List<ContentSearchResults.Hit> hits = rows.stream().map(row -> new ContentSearchResults.Hit(row.id(), row.type(), row.slug(),
                ContentSearchText.marked(row.title(), found), ContentSearchText.excerpt(row.summary(), row.body(), found),
                row.audiences(), row.topics(), row.publishedAt() == null ? null : row.publishedAt().toInstant())).toList();
        return new ContentSearchResults(terms, filters, current, PAGE_SIZE, Math.min(first.total(), COUNT_CAP), first.total() > COUNT_CAP,
                similar && rows.stream().noneMatch(Row::exact), hits, first.facets());
    }

    /** Which articles count as found. */
    private enum Match {
        /** No words: all, newest first. */
        ALL,
        /** All the words. */
        EXACT,
        /** All the words, each typed word or a word like it in the titles and summaries. */
        CORRECTED,
        /** Any of the words, or a word like one of them in the titles and summaries. */
        SIMILAR;

        /** Taken after fewer than {@value #FEW} articles had all the words: those come first. */
        boolean widened() {
            return this == CORRECTED || this == SIMILAR;
        }
    }

    /**
     * What is searched for, at one instant.
     *
     * @param exact in a widened search, the articles with all the words (fewer than {@value #FEW})
     * @param alike in a widened search, words of the articles' titles and summaries that look like the query's
     */
    private record Search(Language language, ContentSearchTerms terms, ContentSearchFilters filters, Match match, List<UUID> exact,
            List<String> alike, OffsetDateTime now) {

        Search widened(Match wider, List<UUID> exact, List<String> alike) {
            return new Search(language, terms, filters, wider, exact, alike, now);
        }

        /** What an article's whole document must match. */
        String documentWords() {
            return switch (match) {
                case SIMILAR -> terms.anyWord();
                case CORRECTED -> terms.allWordsOr(alike);
                default -> terms.allWords();
            };
        }

        /** What an article's title and summary must match to be ranked in the first stage. */
        String headWords() {
            return switch (match) {
                case SIMILAR -> terms.anyWordOr(alike);
                case CORRECTED -> terms.allWordsOr(alike);
                default -> terms.allWords();
            };
        }

        String[] exactIds() {
            return exact.stream().map(UUID::toString).toArray(String[]::new);
        }
    }

    private record Row(UUID id, String type, String slug, String title, String summary, String body, List<String> audiences,
            List<String> topics, OffsetDateTime publishedAt, boolean exact) {
    }

    /**
     * What the first stage found.
     *
     * @param rows   the page's share of the ranked articles
     * @param heads  how many articles have the words in their title or summary (with no words: pass the filters), up
     *               to {@value #COUNT_CAP} + 1; when fewer than {@value #RANKED}, all of them are ranked
     * @param ranked how many articles were ranked: the heads, and in a widened search those with all the words
     * @param total  the matches with the filters, counted until there are more than {@value #COUNT_CAP}
     * @param first  some of those matches, {@value #FEW} at most: all of them when there are fewer
     * @param facets the counts beside the filters
     * @param alike  when all the words were searched for and fewer than {@value #FEW} articles have them, the words of
     *               titles and summaries that look like those the titles and summaries do not have (else none)
     */
    private record FirstStage(List<Row> rows, long heads, long ranked, long total, List<UUID> first, ContentSearchResults.Facets facets,
            List<String> alike) {
    }

    /**
     * The first stage, in one statement: the articles with the words in their title or summary (with no words, those
     * that pass the filters), the newest {@value #RANKED} of them ranked, and the page's share of them; and the
     * matches counted up to {@value #COUNT_CAP} + 1 in any order, with the counts beside the filters over them. A
     * word in most titles is found by walking the articles newest first (content_article_published), a rarer one by
     * the language's title-and-summary index (content_article_search_head_sq, _en). Without filters the counting starts
     * from the same articles, and reads documents (through content_article_search_sq, _en) only when they are not enough. Only the page's
     * articles are read in full. When it finds fewer than {@value #FEW} articles with all the words, the same
     * statement looks up the words like them, for a widened search (content_search_alike, V32).
     */
    private FirstStage firstStage(Search search, int from) {
        ContentSearchFilters filters = search.filters();
        Sql sql = new Sql();
        // Each head is ranked as it is found rather than after the newest are chosen: sorting and keeping the heads with
        // their titles' and summaries' tsvector cost more than ranking the few beyond RANKED (2 of 13 ms, bench/search.sh).
        sql.append("WITH heads AS MATERIALIZED (SELECT a.id, a.published_at, ");
        if (search.match() == Match.ALL) {
            sql.append("0 AS rank");
        }
        else {
            rank(sql, search, "a.");
        }
        sql.append(", a.type, a.audiences, a.topics FROM content_article a WHERE ");
        published(sql, search);
        if (search.match() != Match.ALL) {
            sql.append(" AND a.search_head @@ ");
            tsquery(sql, search.headWords());
        }
        filtered(sql, filters, "a.");
        sql.append(" ORDER BY " + newestFirst("a.") + " LIMIT ?)", COUNT_CAP + 1);
        sql.append(", found AS MATERIALIZED (");
        if (!filters.isEmpty()) {
            matches(sql, search, ContentSearchFilters.NONE, "a.type, a.audiences, a.topics");
        }
        else {
            // When there are more than enough heads, the second part, which reads documents, is never run.
            sql.append("SELECT * FROM ((SELECT id, type, audiences, topics FROM heads) UNION ALL (SELECT a.id, a.type, a.audiences, a.topics "
                    + "FROM content_article a WHERE ");
            published(sql, search);
            bodyOnly(sql, search);
            sql.append(" LIMIT ?)) matches LIMIT ?", COUNT_CAP + 1, COUNT_CAP + 1);
        }
        sql.append(")");
        // The matches counted by their few combinations of type, audiences and topics, once: the counts with the filters
        // and beside them are taken from these, not from the matches again.
        sql.append(", combinations AS MATERIALIZED (SELECT type, audiences, topics, count(*) AS n FROM found GROUP BY type, audiences, topics)");
        facets(sql, filters);
        String newest = "SELECT id, published_at, rank FROM heads ORDER BY " + newestFirst("") + " LIMIT ?";
        if (search.match().widened()) {
            // The articles with all the words (fewer than FEW) come first, wherever in them the words are.
            sql.append(", candidates AS ((" + newest + ") UNION ALL (SELECT a.id, a.published_at, ", RANKED);
            rank(sql, search, "a.");
            sql.append(" FROM content_article a WHERE a.id = ANY(?::uuid[]) AND a.id NOT IN (SELECT id FROM heads)))", (Object) search.exactIds());
            sql.append(", ranked AS (SELECT id, published_at, id = ANY(?::uuid[]) AS exact, rank FROM candidates)", (Object) search.exactIds());
        }
        else {
            sql.append(", ranked AS (SELECT id, published_at, " + (search.match() == Match.EXACT) + " AS exact, rank FROM (" + newest + ") candidates)",
                    RANKED);
        }
        sql.append(", top AS (SELECT * FROM ranked ORDER BY " + bestFirst("") + " LIMIT ? OFFSET ?)", PAGE_SIZE, from);
        // One row even when the page is past the ranked articles, to carry the counts.
        sql.append(", first_matches AS (SELECT id FROM found WHERE true");
        filtered(sql, filters, "");
        sql.append(" LIMIT ?)", FEW);
        sql.append(" SELECT (SELECT count(*) FROM heads) AS heads, (SELECT count(*) FROM ranked) AS ranked, (SELECT coalesce(sum(n), 0) FROM combinations) AS found, "
                + "(SELECT coalesce(sum(n), 0) FROM combinations WHERE true");
        filtered(sql, filters, "");
        sql.append(") AS total, ARRAY(SELECT id::text FROM first_matches) AS first, (SELECT array_agg(ARRAY[facet, value, n::text]) FROM facets) AS facets, ");
        if (search.match() == Match.EXACT) {
            // Looked up only when needed: a subquery in a branch not taken is never run. The words, of letters and
            // digits only, as one text rather than an array, so that the statement can be logged and run again as it was.
            sql.append("CASE WHEN (SELECT count(*) FROM first_matches) < ? THEN ARRAY(SELECT content_search_alike(?, string_to_array(?, ' '))) END AS alike, ",
                    FEW, search.language().code(), String.join(" ", search.terms().similarityWords()));
        }
        else {
            sql.append("NULL::text[] AS alike, ");
        }
        sql.append(columns("top.exact") + " FROM (SELECT 1) one LEFT JOIN (top JOIN content_article a ON a.id = top.id) ON true ORDER BY "
                + bestFirst("top."));
        List<Row> rows = new ArrayList<>();
        List<Counted> counted = new ArrayList<>(1);
        jdbc.sql(sql.text()).params(sql.params()).query(row -> {
            if (counted.isEmpty()) {
                long found = row.getLong("found");
                counted.add(new Counted(row.getLong("heads"), row.getLong("ranked"), found, row.getLong("total"), ids(row, "first"),
                        facets(row, found > COUNT_CAP), strings(row, "alike")));
            }
            if (row.getObject("id") != null) {
                rows.add(row(row));
            }
        });
        Counted first = counted.get(0);
        if (first.found() <= COUNT_CAP) {
            return new FirstStage(rows, first.heads(), first.ranked(), first.total(), first.first(), first.facets(), first.alike());
        }
        if (filters.isEmpty() || first.heads() > COUNT_CAP) {
            // More than the cap, with the filters where there are: the first stage's own articles say so.
            return new FirstStage(rows, first.heads(), first.ranked(), COUNT_CAP + 1, first.first(), first.facets(), first.alike());
        }
        // Not all matches were counted, and the filters leave only some of them: those are counted on their own.
        Sql count = new Sql();
        count.append("WITH found AS MATERIALIZED (");
        matches(count, search, filters, "");
        count.append(") SELECT count(*) AS n, ARRAY(SELECT id::text FROM found LIMIT ?) AS first FROM found", FEW);
        FirstStage[] apart = new FirstStage[1];
        jdbc.sql(count.text()).params(count.params()).query(row -> {
            apart[0] = new FirstStage(rows, first.heads(), first.ranked(), row.getLong("n"), ids(row, "first"), first.facets(), first.alike());
        });
        return apart[0];
    }

    /** The counts the first stage's statement carries in its rows. */
    private record Counted(long heads, long ranked, long found, long total, List<UUID> first, ContentSearchResults.Facets facets,
            List<String> alike) {
    }

    /**
     * The second stage: articles with the words in their body but not in their title or summary, newest first. The
     * page's articles are chosen first and only they are read in full: read before the sort, every candidate's body
     * came from TOAST (70 ms for 684 candidates).
     */
    private List<Row> bodyOnly(Search search, long offset, int limit) {
        Sql sql = new Sql();
        sql.append("SELECT " + columns("false") + " FROM (SELECT a.id, a.published_at FROM content_article a WHERE ");
        published(sql, search);
        bodyOnly(sql, search);
        if (!search.exact().isEmpty()) {
            // Ranked in the first stage.
            sql.append(" AND NOT a.id = ANY(?::uuid[])", (Object) search.exactIds());
        }
        filtered(sql, search.filters(), "a.");
        sql.append(" ORDER BY " + newestFirst("a.") + " LIMIT ? OFFSET ?) page JOIN content_article a ON a.id = page.id ORDER BY "
                + newestFirst("page."), limit, offset);
        return rows(sql);
    }

    /**
     * At most {@value #COUNT_CAP} + 1 of the matching articles with the filters, in no particular order: id and these
     * columns. Those with the words in their title or summary first: when there are enough of them (a common word),
     * the second part, which tests documents, is never run. A document is read from TOAST (5 KB in bench/search.sh)
     * wherever a plan tests it on the row rather than in its index, at a cost the planner does not see.
     */
    private static void matches(Sql sql, Search search, ContentSearchFilters filters, String columns) {
        String select = "SELECT a.id" + (columns.isEmpty() ? "" : ", " + columns) + " FROM content_article a WHERE ";
        if (search.match() == Match.ALL) {
            sql.append(select);
            published(sql, search);
            filtered(sql, filters, "a.");
            sql.append(" LIMIT ?", COUNT_CAP + 1);
            return;
        }
        sql.append("SELECT * FROM ((" + select);
        published(sql, search);
        sql.append(" AND a.search_head @@ ");
        tsquery(sql, search.headWords());
        filtered(sql, filters, "a.");
        sql.append(" LIMIT ?) UNION ALL (" + select, COUNT_CAP + 1);
        published(sql, search);
        bodyOnly(sql, search);
        filtered(sql, filters, "a.");
        sql.append(" LIMIT ?)) matches LIMIT ?", COUNT_CAP + 1, COUNT_CAP + 1);
    }

    /** The words in the document but not in the title and summary. */
    private static void bodyOnly(Sql sql, Search search) {
        sql.append(" AND a.search_document @@ ");
        tsquery(sql, search.documentWords());
        sql.append(" AND NOT a.search_head @@ ");
        tsquery(sql, search.headWords());
    }

    /**
     * A CTE {@code facets (facet, value, n)}: over the CTE {@code combinations (type, audiences, topics, n)}, for each
     * filter how many matches each of its values leaves with the other filters applied.
     */
    private static void facets(Sql sql, ContentSearchFilters filters) {
        sql.append(", facets AS (SELECT 'type' AS facet, type AS value, sum(n) AS n FROM combinations WHERE true");
        filtered(sql, new ContentSearchFilters(filters.audience(), null, filters.topic()), "");
        sql.append(" GROUP BY type UNION ALL SELECT 'audience', audience, sum(n) FROM combinations CROSS JOIN unnest(audiences) audience WHERE true");
        filtered(sql, new ContentSearchFilters(null, filters.type(), filters.topic()), "");
        sql.append(" GROUP BY audience UNION ALL SELECT 'topic', topic, sum(n) FROM combinations CROSS JOIN unnest(topics) topic WHERE true");
        filtered(sql, new ContentSearchFilters(filters.audience(), filters.type(), null), "");
        sql.append(" GROUP BY topic)");
    }

    private static ContentSearchResults.Facets facets(ResultSet row, boolean partial) throws SQLException {
        Map<String, Map<String, Long>> counts = Map.of("type", new HashMap<>(), "audience", new HashMap<>(), "topic", new HashMap<>());
        Array array = row.getArray("facets");
        if (array != null) {
            for (Object triple : (Object[]) array.getArray()) {
                String[] facet = (String[]) triple;
                counts.get(facet[0]).put(facet[1], Long.parseLong(facet[2]));
            }
        }
        return new ContentSearchResults.Facets(counts.get("audience"), counts.get("type"), counts.get("topic"), partial);
    }

    /** An article's rank by its title and summary for the words, named {@code rank}. */
    private static void rank(Sql sql, Search search, String alias) {
        sql.append("ts_rank(" + WEIGHTS + ", " + alias + "search_head, ");
        tsquery(sql, search.headWords());
        sql.append(") AS rank");
    }

    /** The folded words as a tsquery, written into the statement so that it is planned for them. */
    private static void tsquery(Sql sql, String words) {
        sql.append("to_tsquery('simple', content_fold(?))", words);
    }

    private static String columns(String exact) {
        return "a.id, a.type, a.slug, a.title, a.summary, left(a.body, %d) AS body, a.audiences, a.topics, a.published_at, %s AS exact"
                .formatted(BODY_FOR_EXCERPT, exact);
    }

    private static String newestFirst(String alias) {
        return alias + "published_at DESC NULLS LAST, " + alias + "id";
    }

    private static String bestFirst(String alias) {
        return alias + "exact DESC, " + alias + "rank DESC, " + newestFirst(alias);
    }

    private List<Row> rows(Sql sql) {
        return jdbc.sql(sql.text()).params(sql.params()).query((row, number) -> row(row)).list();
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getObject("id", UUID.class), row.getString("type"), row.getString("slug"), row.getString("title"),
                row.getString("summary"), row.getString("body"), strings(row, "audiences"), strings(row, "topics"),
                row.getObject("published_at", OffsetDateTime.class), row.getBoolean("exact"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void published(Sql sql, Search search) {
        sql.append("a.language = ? AND a.status = 'PUBLISHED' AND (a.publish_at IS NULL OR a.publish_at <= ?) "
                + "AND (a.unpublish_at IS NULL OR a.unpublish_at > ?)", search.language().code(), search.now(), search.now());
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

    private static List<UUID> ids(ResultSet row, String column) throws SQLException {
        return strings(row, column).stream().map(UUID::fromString).toList();
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
